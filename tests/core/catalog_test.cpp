#include <catch2/catch.hpp>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "catalog.hpp"
#include "features.hpp"

using namespace nd;
using Catch::Contains;

namespace {

const std::vector<std::string> kCauseIds = {
    "posture", "injury", "diabetic_neuropathy", "lower_back_sciatica", "tarsal_tunnel",
    "peripheral_artery_disease", "tumors_growths", "alcohol_neuropathy", "fibromyalgia",
    "multiple_sclerosis", "stroke"};

// FNV-1a 64 of every 8-word run of the seed text (../shared/seed/numbness-causes.txt),
// words lower-cased and split on anything but a-z and 0-9, joined by one space. Kept as
// hashes so the test works in a clean clone without the seed and without copying it.
constexpr std::uint64_t kSeedEightWordRuns[] = {
    0x00d378b404be0c4fULL, 0x01757cb3300f7ed5ULL, 0x01bcdbd391004bf3ULL, 0x022e0be639faa3eeULL,
    0x02d22c8b750ef5b2ULL, 0x032a010787a63a21ULL, 0x03974376eee55861ULL, 0x04488ba3c6e73316ULL,
    0x05f0dad4789c7d86ULL, 0x05f1abd62964ed25ULL, 0x060189a74298f706ULL, 0x0650e40f340478a7ULL,
    0x070b972a7e5cf34cULL, 0x07578a3ef97a64e4ULL, 0x07c7adedc79dbc16ULL, 0x0802d1c8ec8d2898ULL,
    0x086d7c6005d5de3aULL, 0x08e11e696741da1bULL, 0x0915ebc375a6edf2ULL, 0x0973fba5152b7a58ULL,
    0x097edc9a52192e03ULL, 0x0a5fe2b56c2771a8ULL, 0x0a6633e661ebb978ULL, 0x0b4816d86bac4515ULL,
    0x0b963bace5f4a0dfULL, 0x0bdb25cb04a1d463ULL, 0x0c3e590ebb5830a9ULL, 0x0cfbad575a0bb310ULL,
    0x0cfe3dcfd506eda7ULL, 0x0d7dc0953367236eULL, 0x0df499d4e634223dULL, 0x0ebc8f4d087ded43ULL,
    0x0fcbd122bce19aaaULL, 0x10220a5804f34b7aULL, 0x103cff4c5257089dULL, 0x10f3dbf63615070fULL,
    0x117c0db70338801cULL, 0x1255c912e6e0f26aULL, 0x126af6b9ca636257ULL, 0x12c361318bd5622aULL,
    0x12d6c9856bd938bcULL, 0x12f55cb4700911a2ULL, 0x13994f178e53e474ULL, 0x1419f675dbe00d33ULL,
    0x142d358ea28b849fULL, 0x144b2929870d975cULL, 0x146c64939beaa8e9ULL, 0x1486db7b9b65ff02ULL,
    0x14af82dd58380c34ULL, 0x14e2613e0333306cULL, 0x150107762c60bf53ULL, 0x154d329b956324dcULL,
    0x15a1a4aa47217ee0ULL, 0x1621dda3bcb6002fULL, 0x170f9c07689c732dULL, 0x1710d514b2f33da4ULL,
    0x181bdce3d4d2b5f8ULL, 0x18bf60eafae69f0fULL, 0x1924617b06cecabaULL, 0x19ef18108780bd82ULL,
    0x1a70ed05c74d839fULL, 0x1b1378e3407e91e7ULL, 0x1bab5a6cbdb49d41ULL, 0x1c282d8cc58b05d4ULL,
    0x1c2ba7fa5e6b5700ULL, 0x1c5f0bc67ac4e6cdULL, 0x1c679cc3986e58acULL, 0x1c8b46272d6e78ffULL,
    0x1cd6583e8c565126ULL, 0x1d1db314dab93749ULL, 0x1d3fc45e4dc57e7dULL, 0x1da386e148215400ULL,
    0x1dc861360d0e1130ULL, 0x1e560145d476c22dULL, 0x1e5652c1dc6cc83aULL, 0x1e9845288c27c51aULL,
    0x1f7d56af8bd1d65bULL, 0x1f938ca5c2f8472fULL, 0x1fa1dfcb8c9c13acULL, 0x1fbe16390c9dd959ULL,
    0x201444d226eff9d7ULL, 0x2090580967714df9ULL, 0x20b51e6c0f3028c4ULL, 0x2203f8698aa1abf0ULL,
    0x226e1a1467b644f1ULL, 0x22a675c5e8ef26c2ULL, 0x22f168391d8378c1ULL, 0x2381ac1d66bca885ULL,
    0x2435ca54de663ebcULL, 0x243da62fd5de4d63ULL, 0x245d15628cef0276ULL, 0x246082c588592f05ULL,
    0x256be04612a34081ULL, 0x2667a2ba27839d4eULL, 0x267d5aa88fd7fda7ULL, 0x26ad8cbb0c775071ULL,
    0x26b39362be82af4bULL, 0x2751b6864d1c4202ULL, 0x27abcce9b38b071dULL, 0x2869aae4e5ce2a4fULL,
    0x287cf12a4b111295ULL, 0x2889c29c7003e86dULL, 0x28956b9e016e6304ULL, 0x2958330dcba491a2ULL,
    0x2a37914f2fe7019bULL, 0x2a4a2b3f2a44f2feULL, 0x2b02c6ef762dbc9dULL, 0x2b09a36b1a59bb05ULL,
    0x2ba78b29fd37e54cULL, 0x2c15054038067e4cULL, 0x2c1947b2dafa5c7bULL, 0x2c638fd6c330a715ULL,
    0x2e6367e381a8547eULL, 0x2e93b5367dff8d24ULL, 0x2ee5464cdba7bd8bULL, 0x2f2376fb52b9f520ULL,
    0x2fc0426bf175d235ULL, 0x3031994b84a48305ULL, 0x308470cf979c2529ULL, 0x3103101486bb4418ULL,
    0x31efd677a19e5fcaULL, 0x31fd34a989e3128bULL, 0x324d248057caff44ULL, 0x3285bb7b3d791d70ULL,
    0x32c1a9f0a0184ef4ULL, 0x32c4a21007d84547ULL, 0x339f1773425fc2baULL, 0x3487249a26473220ULL,
    0x34eca0a1b9d1408dULL, 0x3641a2e0d8d6ed0dULL, 0x3655374c6733ee8dULL, 0x372d5cea7d7efdafULL,
    0x3815bac7175060e0ULL, 0x385eba8e047c4da9ULL, 0x38cd40e477461dc6ULL, 0x395377d4a1373b92ULL,
    0x396518eb7bde07aeULL, 0x3966c1b8324e5fb5ULL, 0x39aee3226184bc73ULL, 0x39d9563c19acd1e3ULL,
    0x3a7921f67d58ac55ULL, 0x3cb697ecc23be15bULL, 0x3cbd33f81c946a76ULL, 0x3d3d0ffcb709ca02ULL,
    0x3db8a5eac3c62889ULL, 0x3dc821120f4cfeeaULL, 0x3ddfc24067c14293ULL, 0x3e3ebb4619746573ULL,
    0x3e47dfc8ef5d920cULL, 0x3e780658b4676e03ULL, 0x3e898fc9933e29a7ULL, 0x3efd016a46c06383ULL,
    0x3f0341ae33007545ULL, 0x3f16cb3f68cda17cULL, 0x3f392c010a7bdaf0ULL, 0x3f9debab7e1f3e1aULL,
    0x3fa5a497dfa09601ULL, 0x3ff70a11673a13dcULL, 0x4014985adcd5449fULL, 0x419a7360f321eabcULL,
    0x41c6698d43cd96c7ULL, 0x41e8842e7fd4729eULL, 0x426b1132a2ac82b8ULL, 0x438045a3b81d1832ULL,
    0x43b68fa345d0e580ULL, 0x43fed7e6e54b506dULL, 0x441b8548a83dff2fULL, 0x4550bdc18542c3faULL,
    0x460532e06cb0258aULL, 0x469b75cbafeb6313ULL, 0x47c2a83a551f27e6ULL, 0x47ebe41d735ab901ULL,
    0x4840b4bcba5d62f6ULL, 0x485a0babb6a5dbffULL, 0x48a2d0ef659d34cbULL, 0x48a982151c931becULL,
    0x4931bf6f523882e5ULL, 0x493490a8fabf27c6ULL, 0x49a4ac24b5dc6d97ULL, 0x49b8d784a8571c12ULL,
    0x49cfa9302803b3cbULL, 0x4b099db5c4abbdd0ULL, 0x4bc0db91cc867457ULL, 0x4c99b348622393e2ULL,
    0x4c9e86d2dd4b80bbULL, 0x4ce28dfffcb9bebaULL, 0x4d872e8dd0aa370dULL, 0x4db55d60d43ea5b6ULL,
    0x4e0e29912527149dULL, 0x4e5983f3d501ead8ULL, 0x4e8edac6b11a13e6ULL, 0x4f63f8ea95e2812bULL,
    0x4f678002fa8f81f0ULL, 0x51133f48216438b6ULL, 0x51ae01bcef5bd530ULL, 0x52b2653b46f351e8ULL,
    0x52f974ef40c2a107ULL, 0x537cff20cd07d2afULL, 0x539bf9a1aa3e1745ULL, 0x54593dcd493f8794ULL,
    0x54ab42e72ee60b8dULL, 0x54df8a3a74c57c22ULL, 0x550e855d59455a57ULL, 0x552cfac76222f173ULL,
    0x555c8f1883cda27eULL, 0x57baeed41fc2c63dULL, 0x5805d53551abcbf4ULL, 0x58408042a2c575ecULL,
    0x589564514a205f4bULL, 0x589b92eefc1f0f9cULL, 0x589de682992efeebULL, 0x58ff05ce94081b40ULL,
    0x597360302ffc889bULL, 0x59b7133698280b59ULL, 0x59bbb3bb4082e8faULL, 0x59d172667302661eULL,
    0x5a1d1fb0e445b27bULL, 0x5a49d1b08cb2ab55ULL, 0x5ab939fe44da0c97ULL, 0x5ce8faf042135a4bULL,
    0x5d1419e2fdd23e3aULL, 0x5dc26318276af25cULL, 0x5e765f1035a794c0ULL, 0x5ef0fce829ad4b85ULL,
    0x5f26aae2e13361e5ULL, 0x5f68096b22972d39ULL, 0x607d3cdf6af27474ULL, 0x6182d81395ebbc70ULL,
    0x618b57a72200151aULL, 0x61dd1da9c3ce19c6ULL, 0x61ef4ceb4fdee533ULL, 0x623fc15118b57f92ULL,
    0x627b8da36b569772ULL, 0x62b555f14c0f7942ULL, 0x636ce107ce667aa7ULL, 0x638335600a00f256ULL,
    0x63ce6d167d5e6a7bULL, 0x63d64f757dccd494ULL, 0x63f5fd822e7aa4cfULL, 0x6447d43ef3b1928bULL,
    0x645a6153d47496ddULL, 0x64cdc483cdcfb2e1ULL, 0x65e78714229e89bcULL, 0x662e51936092de20ULL,
    0x66bec8ac937baef4ULL, 0x66ca6a93e8a3877fULL, 0x66ce9b757f158209ULL, 0x67cec2f4ec8b6a3dULL,
    0x6882a4a0e911a38bULL, 0x6965066fbf20c6d7ULL, 0x69721b9fb627f32fULL, 0x6a5d172baeefdae0ULL,
    0x6a5d8b525723da68ULL, 0x6adb8dc3ab1a298eULL, 0x6addd600e875b913ULL, 0x6b42c93e1a7a78b7ULL,
    0x6b96d51c05d7ec3dULL, 0x6bd0a674078a6ea9ULL, 0x6c93b3273a55d36fULL, 0x6d4ce7672c4be8dbULL,
    0x6d6977cc5431a7dcULL, 0x6e5af8d73e397c80ULL, 0x6f17059c6354b53bULL, 0x6f2d29106ddca184ULL,
    0x6f39f25c83411606ULL, 0x6f4bb03c7e0e3a08ULL, 0x6f5926ecf8563d8aULL, 0x6f8c4a5dd4f03ff9ULL,
    0x7074c443d5d76293ULL, 0x708c7936cd3d0307ULL, 0x70f0050ab4a1ec20ULL, 0x7103a6d5551d273cULL,
    0x71749dbf540f95f4ULL, 0x7175dd2782b3fb1eULL, 0x71932d982167960aULL, 0x71a97cdd96822d5cULL,
    0x71adb5d732d6fc45ULL, 0x71af4a8c61a366b8ULL, 0x71ee416431507acfULL, 0x7260de00b0408f26ULL,
    0x728b76984bc80ce9ULL, 0x72b26be8bc9b0fb6ULL, 0x72c75d4fa37e6be3ULL, 0x72e8143ba047f562ULL,
    0x7312c7bde11d689bULL, 0x7328ce908d0901dcULL, 0x740e00ad8e5639f3ULL, 0x759d4515dfe0dfffULL,
    0x760640d65be1095cULL, 0x761e0270e95d91d8ULL, 0x769f8b39d5670b75ULL, 0x76a41c45e7356d28ULL,
    0x76b94a193a8e8852ULL, 0x78b38fb8ea2dae31ULL, 0x79183960cb9a09caULL, 0x799370abf69a57e3ULL,
    0x7a1143cb6f34c56bULL, 0x7ae8ce3687b0bb3cULL, 0x7b12094a928d3b61ULL, 0x7b50afc001713561ULL,
    0x7ca6b3df77ebf54aULL, 0x7cb370e62984bbf0ULL, 0x7d6990bcb90cc85eULL, 0x7d891f68d19f3d7dULL,
    0x7e62f4ae024ab693ULL, 0x80ef6d0b0291f79dULL, 0x81885a71e015f75dULL, 0x818fe88553826b51ULL,
    0x83d9a0fb65919ec0ULL, 0x83e5323de762361eULL, 0x843589fde699552fULL, 0x84975b0b04222fe1ULL,
    0x849808783e980f77ULL, 0x849d52e2cf4b93d0ULL, 0x84ef83ad7bbe11cbULL, 0x85019b70e6e4fe1bULL,
    0x8528329b2fe3fe69ULL, 0x85690d772a6ecbcaULL, 0x858205a79bf1a2c3ULL, 0x85abeef1cfdf4796ULL,
    0x85b38bd0da2dbeacULL, 0x860309abd5c06ae2ULL, 0x86c4b4ce4f284fcdULL, 0x87ee7aeb45c1a61fULL,
    0x8830d74ef3091123ULL, 0x886b8c06eec27e94ULL, 0x88deb9fcb6e08099ULL, 0x894411dbd8fa1c78ULL,
    0x896190fdedd3874eULL, 0x896b92a6cefb287aULL, 0x89f2474c5bf77277ULL, 0x89fb9088bb24576aULL,
    0x8a094a392e409d05ULL, 0x8a110aae3b3ed8c4ULL, 0x8a3fd381c9eb1fe8ULL, 0x8abc5ff459907b85ULL,
    0x8ad8af3afc1da773ULL, 0x8af0bd28bd879739ULL, 0x8b26b52830abbb31ULL, 0x8bbc60efe822e5c3ULL,
    0x8c28c7127b328461ULL, 0x8c3bf8de5362792aULL, 0x8c4f8b991c0bf55cULL, 0x8d091fee21253342ULL,
    0x8dca903edb174c80ULL, 0x8e251ffc0e290abbULL, 0x8e90a0484e7169beULL, 0x8ebeb9f9d721ddcaULL,
    0x8ee5291e021f2986ULL, 0x8f1ceebffaedd54dULL, 0x8f5b385eab5e7566ULL, 0x8f8756ddf3ad0af3ULL,
    0x914435c93c5fc426ULL, 0x916a64725dd16fe1ULL, 0x917b0350c1145b42ULL, 0x9191cdeccbab5332ULL,
    0x92475e314767c8daULL, 0x92e0dc12764feadbULL, 0x93632622015dbe96ULL, 0x93abce6d384e142bULL,
    0x947e440b51c11886ULL, 0x9492b2971912710eULL, 0x94987d820b32683dULL, 0x95daa0f8aa63d1c2ULL,
    0x9649ea1f37d379a1ULL, 0x96a8e01eaed108cbULL, 0x9781e64ea5578e35ULL, 0x97931358813c2f6aULL,
    0x9861dd4f3664e0b3ULL, 0x9863203e480bc689ULL, 0x98b881a9be12fa6aULL, 0x98d75dd5134a94c4ULL,
    0x99b4ffe59d584b5aULL, 0x99dd726d23a731b8ULL, 0x99fd73d668d86d7aULL, 0x9a168ae3bb49469dULL,
    0x9a2aefab0987346dULL, 0x9a5f51f1a5b00f61ULL, 0x9aa43e0dda2635ebULL, 0x9b927db8a2b6fc9bULL,
    0x9c1222a52251c5cbULL, 0x9c20c5b021c25c09ULL, 0x9c2534943ee907fdULL, 0x9cac87d272226e36ULL,
    0x9dc9aece35f411efULL, 0x9dd73b06bd099149ULL, 0x9e3594a519406a4bULL, 0x9e62b6fbd2345f55ULL,
    0x9e7048f322840c77ULL, 0x9e8413040a4aae0eULL, 0x9e94ee35d476cc81ULL, 0x9efeb428f451e18cULL,
    0x9f6b4bc17f60d62eULL, 0x9f6c113fbb6b91b8ULL, 0xa0e20a7dbebf4c09ULL, 0xa1043212d97dfc74ULL,
    0xa1d65cc9eabe89fdULL, 0xa24c9fd54675c1c8ULL, 0xa25d7c54688ae727ULL, 0xa28a293bf31dba80ULL,
    0xa296c51e6f88fcc4ULL, 0xa331909c7fb86c41ULL, 0xa3e9e46ae9265cb8ULL, 0xa4d5f588376e714eULL,
    0xa5363612827eeb58ULL, 0xa55aa36a7441ec04ULL, 0xa66fe53974443d9aULL, 0xa7d8ab8564ee0378ULL,
    0xa7d986d35c46a24eULL, 0xa7f03f8418d9108fULL, 0xa85b0103a5adbfbbULL, 0xa8982700dc03dbd7ULL,
    0xa8bca2de11af1670ULL, 0xa8bdc36b694f16e0ULL, 0xa91f948a94301ba6ULL, 0xaa121de7006dcdf6ULL,
    0xaaff4d1aac9c05f5ULL, 0xab49b6805a5efa29ULL, 0xabad3ac6d02b9652ULL, 0xabca61201fd7298cULL,
    0xabed80a04344298aULL, 0xaca504e7e2cdee2aULL, 0xacd3ed596e00ed32ULL, 0xace0a7bcbad4cf42ULL,
    0xae111b58ff27d18aULL, 0xb03505c5321a8676ULL, 0xb0ccd64a9f60e4bfULL, 0xb2058083816f551fULL,
    0xb248a37364890970ULL, 0xb27bcbeb8f5b8ea4ULL, 0xb2d503717bfe188fULL, 0xb2e6985b6bba20b4ULL,
    0xb2f1547208bf036dULL, 0xb34f1499564648ffULL, 0xb3e7c6de4fb4d52bULL, 0xb4ca667ec6a709baULL,
    0xb52dff1ef7e6ee7cULL, 0xb558f3e9da938a41ULL, 0xb5620567e97ac1bbULL, 0xb686066512bed268ULL,
    0xb6d250c3927a9c0cULL, 0xb81f4ca7c7d49595ULL, 0xb89945c3d7b9acb4ULL, 0xb9552dc9909bdbfaULL,
    0xb9dcd8468bee75a4ULL, 0xba21596f938411c0ULL, 0xba6d3e295fd20d92ULL, 0xba82ada986147cd5ULL,
    0xba9e7255e78646ffULL, 0xbad83be5509e0a1bULL, 0xbb07d95c677c8bcbULL, 0xbb236188c2dfc3fbULL,
    0xbb2ff8294883ebfaULL, 0xbb3c469a3131008bULL, 0xbb4609d9015d27e4ULL, 0xbb6c7c1fd5e9e4cbULL,
    0xbbc54287fe7218feULL, 0xbbde1da3b9c52881ULL, 0xbc238b57d3f60952ULL, 0xbc791b8acbfdf269ULL,
    0xbc9101d83a9af069ULL, 0xbd06f3c3bbe433a7ULL, 0xbd6e0dc3ec3bd549ULL, 0xbdb20a1efd214078ULL,
    0xbe137f4098051484ULL, 0xbe31549ffd480b4aULL, 0xbec345b00690465bULL, 0xbf54166675e4a23bULL,
    0xbf6c5eef38968599ULL, 0xc01566974b9ec724ULL, 0xc0be17deb607b209ULL, 0xc0db19074f82d2a2ULL,
    0xc0f33a427b60a42cULL, 0xc14086140e7aa930ULL, 0xc1dec452458ef27aULL, 0xc264b340f9a904e7ULL,
    0xc27ad963af11bad0ULL, 0xc2a3495774ab6223ULL, 0xc3332d91ff36b7a7ULL, 0xc49012ebcc47ba1bULL,
    0xc4b60a3f3f749189ULL, 0xc4e1838abe8aa961ULL, 0xc4fa7451ca01032cULL, 0xc525cf2236808092ULL,
    0xc5770740bf93ce81ULL, 0xc5d19975dd09d4d5ULL, 0xc5fa037cefd60507ULL, 0xc638854d6bce5d97ULL,
    0xc6692b94aaa5c9f5ULL, 0xc6bf5400a5c66f43ULL, 0xc794616ce66c58ffULL, 0xc8786dd06af37df1ULL,
    0xc89443daaeb90f2aULL, 0xc89c97dbee448fdaULL, 0xc8fd6a7e6667cd73ULL, 0xc90f8af5054d6647ULL,
    0xc9409baf1dae710bULL, 0xc949f78db53a2876ULL, 0xc96829431b5259c8ULL, 0xc9aa0c33e0eee6a2ULL,
    0xc9b0ae67dd061128ULL, 0xc9f0d880b551bd4bULL, 0xc9fc647b758e3012ULL, 0xca610ba92b8a750eULL,
    0xcb81db2f86d7ea0dULL, 0xcbe148387a7a2e38ULL, 0xcbe384e833f60cddULL, 0xcc3c787f30ce099cULL,
    0xcc93709e6640cec6ULL, 0xccb9a0c7b79ce72eULL, 0xccdce86d89536711ULL, 0xcd535546f19744beULL,
    0xcdcb9b195353f2a7ULL, 0xce79905b75510d90ULL, 0xcef79a413a8f5691ULL, 0xcf7c6a022fc872b4ULL,
    0xcf9f4f4750b4dcabULL, 0xd01cbb29aed53b42ULL, 0xd0472e907b9633c0ULL, 0xd083192d35c05a39ULL,
    0xd0a05206f372dd85ULL, 0xd1d31b1bc2283221ULL, 0xd1df7f18f52cfa20ULL, 0xd225be364918802cULL,
    0xd24197e61df319f3ULL, 0xd2ae2715dc5a4c7eULL, 0xd2baf5a9a21645b5ULL, 0xd35e70834ef8ebb0ULL,
    0xd36d894154aa4c56ULL, 0xd3b1754625e133d5ULL, 0xd408c42f1cfad3efULL, 0xd46da10db4a7acf6ULL,
    0xd481d49c9c860b2aULL, 0xd53ec3bbc8da99c3ULL, 0xd548e47b7e63459cULL, 0xd5c814d70a2b8c7dULL,
    0xd655f012b8fbf1b9ULL, 0xd74654dc19cb5785ULL, 0xd762ef953941afd9ULL, 0xd7b6cd0cda3fa2efULL,
    0xd817ffce02ed42d7ULL, 0xda5e74f88ed40658ULL, 0xdaac4203b79827baULL, 0xdb3f52599d29bf34ULL,
    0xdbf0d42e3cf24f1aULL, 0xdd4b1ef6a49c33eeULL, 0xdd5dc897155a6451ULL, 0xde47bd8ac5038d32ULL,
    0xde752f4eedfe8112ULL, 0xdeaaf3d0eca03473ULL, 0xdf0c9ae304295330ULL, 0xdfe9b7063ce0ab93ULL,
    0xe06bc8ae69eeee8eULL, 0xe16d330ca37a3506ULL, 0xe1a4b9a41eb2682eULL, 0xe202821d79eec09fULL,
    0xe2244e6bf6b53d12ULL, 0xe250eb6d176fb57fULL, 0xe29052b4b2913856ULL, 0xe2d44a0b552d7d7aULL,
    0xe388f18dcf7a61f9ULL, 0xe4578ef02ddd23fdULL, 0xe48314e18ad08345ULL, 0xe4e56fc36dec3934ULL,
    0xe596f3f2075b89c5ULL, 0xe5e0b8033d8eba42ULL, 0xe6276a607d1f0f8aULL, 0xe6fcc424ccbd8657ULL,
    0xe81850054dfa42f1ULL, 0xe8d1c56180380f77ULL, 0xe8ec4f5371ca9badULL, 0xe8fcfdd55b470068ULL,
    0xe951b3539b4b5e46ULL, 0xe9a4ec5be99c7e21ULL, 0xeacdaac7fcd249ddULL, 0xead5abef54dabcb7ULL,
    0xeaee62c6f4e70ca2ULL, 0xeb9ebd79836c4a13ULL, 0xeba3768f91b1cb76ULL, 0xeca9d7bbe3588b82ULL,
    0xecacce60fb948152ULL, 0xed5a85261f29ad4dULL, 0xed7fdb9ca1381005ULL, 0xee2952e71b8a621bULL,
    0xee818efea65b6d46ULL, 0xee9a76eb3122e8dcULL, 0xeeb72e300f4ea9f0ULL, 0xeeffa3ce49b7a33bULL,
    0xefd304e13c9d8980ULL, 0xefeb5618ddaa20deULL, 0xf048d7df24281023ULL, 0xf051fe8eeecc20f1ULL,
    0xf05fe80a995df4f5ULL, 0xf0ef5d64ca2cdeddULL, 0xf1883e80fdadc462ULL, 0xf1955a523bed7c8fULL,
    0xf28e3111f3ceb715ULL, 0xf2e02b2442d2c342ULL, 0xf33de39d10157705ULL, 0xf3710e60cae506ebULL,
    0xf37ab1155710038aULL, 0xf3b7b1fe85d734beULL, 0xf3e4b1d2c3d2dc81ULL, 0xf4123a1bbc569c31ULL,
    0xf4a47cd0af233599ULL, 0xf4ff44114a8033c0ULL, 0xf51712a0184162abULL, 0xf5180ae974a6cce8ULL,
    0xf5c555a5732ec966ULL, 0xf61b9dd707db58f5ULL, 0xf66ce21b229bf236ULL, 0xf8448166a69c8b9bULL,
    0xf891bde1305d64bbULL, 0xf910f18cb12c293cULL, 0xf9c661f222cc7dfdULL, 0xf9dfaa8c1c51b032ULL,
    0xf9ff49c73325a6afULL, 0xfa44577b252d7a62ULL, 0xfb577d496b2a0691ULL, 0xfbf2e667e5f6e7c7ULL,
    0xfc9c55807a45f61aULL, 0xfcb7b64b4bcb14daULL, 0xfd39eb503c6d8c44ULL, 0xfd6172bd42735f14ULL,
    0xfd686e845205469dULL, 0xfd8853f98e6db539ULL, 0xfd995f012fad3469ULL, 0xfdb2383c47fd7c81ULL,
    0xfdd0698ddad61556ULL, 0xfe2c76f4ea4ccb4eULL, 0xfeed9f87b9a86d8cULL, 0xff20e3a24dca3a24ULL,
    0xff77aa64eedea7cbULL, 0xffe0c343819c045aULL,
};

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 128) {
            cur += static_cast<char>(std::tolower(c));
        } else if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::vector<std::uint64_t> eight_word_runs(const std::string& text) {
    const auto w = words(text);
    std::vector<std::uint64_t> out;
    for (std::size_t i = 0; i + 8 <= w.size(); ++i) {
        std::string run = w[i];
        for (std::size_t j = i + 1; j < i + 8; ++j) run += " " + w[j];
        out.push_back(fnv1a(run));
    }
    return out;
}

// A small valid catalog with one cause, for the rejection tests to break.
std::string minimal_catalog(const std::string& rules = R"([{"feature": "region", "values": ["toes"], "weight": 2, "says": "were felt in the toes"}])",
                            const std::string& extra = "") {
    return R"({"version": 1, "causes": [{
        "id": "posture", "name": "Posture", "summary": "A position held too long presses on a nerve.",
        "where": ["Legs"], "feels_like": ["Numbness"], "brought_on_by": [], "relieved_by": [], "course": [],
        "risk_factors": [], "against": [], "serious": false, "urgency": "",
        "sources": [{"title": "Numbness in legs and feet", "url": ""}],
        "rules": )" + rules + R"(,
        "log_next": ["What you were doing"])" + extra + R"(}]})";
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("nd_catalog_test_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "catalog");
    return dir;
}

}  // namespace

TEST_CASE("The shipped catalog holds all 11 causes, each complete") {
    const Catalog cat = load_default_catalog();
    CHECK(cat.version == 1);
    CHECK(cat.causes.size() == kCauseIds.size());
    for (const auto& id : kCauseIds) {
        INFO("cause " << id);
        const Cause* c = cat.find(id);
        REQUIRE(c != nullptr);
        CHECK_FALSE(c->name.empty());
        CHECK(c->summary.size() > 40);
        CHECK_FALSE(c->where.empty());
        CHECK_FALSE(c->feels_like.empty());
        CHECK_FALSE(c->rules.empty());
        CHECK_FALSE(c->log_next.empty());
        REQUIRE_FALSE(c->sources.empty());
        bool cites_seed = false;
        for (const auto& s : c->sources) cites_seed = cites_seed || s.title == "Numbness in legs and feet";
        CHECK(cites_seed);
        bool any_for = false;
        for (const auto& r : c->rules) {
            CHECK(find_feature(r.feature) != nullptr);
            CHECK_FALSE(r.says.empty());
            any_for = any_for || r.weight > 0;
        }
        CHECK(any_for);
    }
    CHECK(cat.find("no_such_cause") == nullptr);
}

TEST_CASE("Stroke, growths and multiple sclerosis are marked serious, and stroke carries its urgency") {
    const Catalog cat = load_default_catalog();
    for (const auto& c : cat.causes) {
        const bool expected = c.id == "stroke" || c.id == "tumors_growths" || c.id == "multiple_sclerosis";
        INFO("cause " << c.id);
        CHECK(c.serious == expected);
    }
    const Cause* stroke = cat.find("stroke");
    REQUIRE(stroke);
    CHECK_THAT(stroke->urgency, Contains("call emergency services"));
}

TEST_CASE("Rules that rest on facts the seed does not state cite a public source beside them") {
    const Catalog cat = load_default_catalog();
    auto rule_with = [&](const char* cause, const char* feature, const char* value) -> const Rule* {
        for (const auto& r : cat.find(cause)->rules)
            if (r.feature == feature && r.weight > 0 && (r.values.empty() || r.values.front() == value)) return &r;
        return nullptr;
    };
    const Rule* eases = rule_with("posture", "relief", "moving");
    REQUIRE(eases);
    CHECK_THAT(eases->source, Contains("https://"));
    const Rule* fast = rule_with("stroke", "sign", "face_drooping");
    REQUIRE(fast);
    CHECK_THAT(fast->source, Contains("NHS"));
    CHECK_THAT(fast->source, Contains("CDC"));
    const Rule* drinks = rule_with("alcohol_neuropathy", "background", "alcohol_use");
    REQUIRE(drinks);
    CHECK(drinks->number > 0);
    CHECK_THAT(drinks->source, Contains("NIAAA"));
}

TEST_CASE("Sides are scored only through the clinician's patterns") {
    // Issue 11 (item 4): where it is felt, as a clinician reads it: both sides, one side, the
    // stocking and glove-and-stocking patterns and a band down one leg. (This test used to
    // assert that no feature names a side, which issue 11 asks to change.)
    std::set<std::string> names;
    for (const auto& spec : feature_specs()) names.insert(spec.name);
    for (const char* n : {"both_sides", "one_side", "stocking", "glove_stocking", "leg_band"}) CHECK(names.count(n) == 1);
    // Serious causes never get a line against them, whatever the feature.
    for (const auto& c : load_default_catalog().causes)
        if (c.serious)
            for (const auto& r : c.rules) CHECK(r.weight > 0);
}

TEST_CASE("Summaries are the project's own words: no 8-word run of the seed") {
    const std::set<std::uint64_t> seed(std::begin(kSeedEightWordRuns), std::end(kSeedEightWordRuns));
    // When the seed is at hand (a developer's tree), check against it directly as well.
    const std::filesystem::path seed_path =
        std::filesystem::path(ND_SOURCE_DIR) / ".." / "shared" / "seed" / "numbness-causes.txt";
    std::set<std::uint64_t> seed_runs = seed;
    if (std::ifstream in{seed_path}) {
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto direct = eight_word_runs(text);
        CHECK(std::set<std::uint64_t>(direct.begin(), direct.end()) == seed);
    }
    REQUIRE(seed_runs.size() > 500);
    // The check itself works: a sentence of the seed is caught.
    const auto copied = eight_word_runs("The sciatic nerve runs from the lower back to the legs and is the longest nerve in the body.");
    CHECK(seed_runs.count(copied.front()) == 1);

    const Catalog cat = load_default_catalog();
    for (const auto& c : cat.causes) {
        INFO("cause " << c.id << ": " << c.summary);
        for (auto h : eight_word_runs(c.summary)) CHECK(seed_runs.count(h) == 0);
        // The seed's typos stay out.
        CHECK(c.summary.find("Stokes") == std::string::npos);
        CHECK(c.summary.find(" hing ") == std::string::npos);
        CHECK(c.name.find("Stokes") == std::string::npos);
    }
}

TEST_CASE("A minimal catalog loads") {
    const Catalog cat = load_catalog_json(minimal_catalog());
    REQUIRE(cat.causes.size() == 1);
    CHECK(cat.causes[0].rules[0].feature == "region");
    CHECK(cat.causes[0].rules[0].values == std::vector<std::string>{"toes"});
    CHECK(cat.causes[0].rules[0].weight == 2);
}

TEST_CASE("A missing field is named with its cause") {
    const auto bad = replace_once(minimal_catalog(), R"("summary": "A position held too long presses on a nerve.",)", "");
    REQUIRE_THROWS_WITH(load_catalog_json(bad), Contains("cause 'posture': field 'summary': missing"));
    const auto no_rules = replace_once(minimal_catalog(), R"("feature": "region", "values": ["toes"], "weight": 2,)",
                                       R"("feature": "region", "values": ["toes"],)");
    REQUIRE_THROWS_WITH(load_catalog_json(no_rules), Contains("cause 'posture': field 'rules[0].weight': missing"));
    const auto no_id = replace_once(minimal_catalog(), R"("id": "posture",)", "");
    REQUIRE_THROWS_WITH(load_catalog_json(no_id), Contains("cause #1: field 'id': missing"));
    REQUIRE_THROWS_WITH(load_catalog_json(R"({"version": 1})"), Contains("catalog: field 'causes': missing"));
}

TEST_CASE("An unknown feature is rejected with its rule index") {
    const auto bad = minimal_catalog(
        R"([{"feature": "region", "values": ["toes"], "weight": 1, "says": "x"},
            {"feature": "sensation", "values": ["numbness"], "weight": 1, "says": "x"},
            {"feature": "regoin", "values": ["toes"], "weight": 1, "says": "x"}])");
    REQUIRE_THROWS_WITH(load_catalog_json(bad),
                        Contains("cause 'posture': field 'rules[2].feature': unknown feature 'regoin'"));
}

TEST_CASE("An unknown value id is rejected against the vocabulary") {
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes", "tose"], "weight": 1, "says": "x"}])")),
        Contains("cause 'posture': field 'rules[0].values[1]': unknown region 'tose'"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "background", "values": ["diabetis"], "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].values[0]': unknown background fact kind 'diabetis'"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "relief", "values": ["toes"], "weight": 1, "says": "x"}])")),
        Contains("unknown relief 'toes'"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": [], "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].values': feature 'region' needs at least one region"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "numbness_only", "values": ["toes"], "weight": 1, "says": "x"}])")),
        Contains("takes no values"));
}

TEST_CASE("Feature parameters are checked: numbers, weights and unknown keys") {
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "relief_within", "values": ["rest"], "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].number': feature 'relief_within' needs a number above 0"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "number": 5, "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].number': feature 'region' takes no number"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "wieght": 1, "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].wieght': unknown field"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "weight": 0, "says": "x"}])")),
        Contains("field 'rules[0].weight': must be non-zero"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "weight": -1, "says": "x"}])")),
        Contains("field 'rules': needs at least one rule with a positive weight"));
    REQUIRE_THROWS_WITH(load_catalog_json(minimal_catalog("[]")), Contains("field 'rules': must not be empty"));
    REQUIRE_THROWS_WITH(load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "weight": 1, "says": " "}])")),
                        Contains("field 'rules[0].says': must not be empty"));
}

TEST_CASE("Bad JSON is rejected with where it broke") {
    REQUIRE_THROWS_WITH(load_catalog_json(minimal_catalog() + ","), Contains("catalog: not valid JSON at byte"));
    REQUIRE_THROWS_WITH(load_catalog_json(""), Contains("not valid JSON"));
    REQUIRE_THROWS_WITH(load_catalog_json("[1, 2]"), Contains("catalog: must be an object"));
    // Deep nesting parses iteratively: an error, not a stack overflow.
    REQUIRE_THROWS_AS(load_catalog_json(std::string(200000, '[')), CatalogError);
    // Invalid UTF-8 is refused.
    REQUIRE_THROWS_WITH(load_catalog_json(replace_once(minimal_catalog(), "Posture", "Post\xff\xfeure")),
                        Contains("not valid JSON"));
}

TEST_CASE("A field of the wrong type is named with its cause") {
    REQUIRE_THROWS_WITH(load_catalog_json(replace_once(minimal_catalog(), R"("serious": false)", R"("serious": "no")")),
                        Contains("cause 'posture': field 'serious': must be true or false, found a string"));
    REQUIRE_THROWS_WITH(load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "weight": "2", "says": "x"}])")),
                        Contains("cause 'posture': field 'rules[0].weight': must be a number, found a string"));
    REQUIRE_THROWS_WITH(load_catalog_json(replace_once(minimal_catalog(), R"("where": ["Legs"])", R"("where": "Legs")")),
                        Contains("cause 'posture': field 'where': must be a list"));
    REQUIRE_THROWS_WITH(load_catalog_json(replace_once(minimal_catalog(), R"("where": ["Legs"])", R"("where": [3])")),
                        Contains("cause 'posture': field 'where[0]': must be a string, found a number"));
    REQUIRE_THROWS_WITH(load_catalog_json(replace_once(minimal_catalog(), R"("id": "posture")", R"("id": 7)")),
                        Contains("cause #1: field 'id': must be a string"));
    REQUIRE_THROWS_WITH(load_catalog_json(replace_once(minimal_catalog(), R"("version": 1)", R"("version": 2)")),
                        Contains("catalog: field 'version': version 2 is not supported"));
}

TEST_CASE("Duplicate cause ids and unknown cause fields are rejected") {
    const std::string one = minimal_catalog();
    const auto start = one.find("{\n        \"id\"");
    const auto cause = one.substr(start, one.rfind(']') - start);
    const std::string twice = R"({"version": 1, "causes": [)" + cause + "," + cause + "]}";
    REQUIRE_THROWS_WITH(load_catalog_json(twice), Contains("cause 'posture': field 'id': appears twice"));
    REQUIRE_THROWS_WITH(load_catalog_json(minimal_catalog(
                            R"([{"feature": "region", "values": ["toes"], "weight": 2, "says": "x"}])", R"(, "severity": 3)")),
                        Contains("cause 'posture': field 'severity': unknown field"));
}

TEST_CASE("Oversized catalogs are refused before parsing") {
    std::string huge = minimal_catalog();
    huge.insert(huge.size() - 2, std::string(1024 * 1024, ' '));
    REQUIRE_THROWS_WITH(load_catalog_json(huge), Contains("larger than 1048576 bytes"));

    const auto dir = temp_dir("big");
    const auto path = (dir / "catalog" / "causes.json").string();
    { std::ofstream(path) << huge; }
    REQUIRE_THROWS_WITH(load_catalog_file(path), Contains("larger than"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("A missing catalog file is a clear error") {
    REQUIRE_THROWS_WITH(load_catalog_file("/nonexistent/causes.json"), Contains("cannot read '/nonexistent/causes.json'"));
}

TEST_CASE("The assets folder comes from ND_ASSETS_DIR when it holds a catalog") {
    const auto dir = temp_dir("assets");
    { std::ofstream(dir / "catalog" / "causes.json") << minimal_catalog(); }
    ::setenv("ND_ASSETS_DIR", dir.string().c_str(), 1);
    CHECK(default_assets_dir() == dir.string());
    CHECK(load_default_catalog().causes.size() == 1);

    // A folder without a catalog is skipped: the source tree's assets follow.
    const auto empty = temp_dir("empty");
    ::setenv("ND_ASSETS_DIR", empty.string().c_str(), 1);
    CHECK(default_assets_dir() == std::string(ND_SOURCE_ASSETS_DIR));
    ::unsetenv("ND_ASSETS_DIR");
    CHECK(load_default_catalog().causes.size() == 11);
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(empty);
}

TEST_CASE("'absent' is a boolean, only on episode features that record a field") {
    const auto ok = load_catalog_json(minimal_catalog(
        R"([{"feature": "region", "values": ["toes"], "weight": 1, "says": "x"},
            {"feature": "activity", "values": ["walking"], "absent": true, "weight": -1, "says": "began with no walking"}])"));
    CHECK(ok.causes[0].rules[1].absent);
    CHECK_FALSE(ok.causes[0].rules[0].absent);
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(
            R"([{"feature": "short_lasting", "number": 5, "absent": true, "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].absent': feature 'short_lasting' cannot be absent"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "region", "values": ["toes"], "absent": 1, "weight": 1, "says": "x"}])")),
        Contains("field 'rules[0].absent': must be true or false"));
}

TEST_CASE("The clinician's patterns and age are features with the documented parameters") {
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "age_at_least", "weight": 1, "says": "x"}])")),
        Contains("feature 'age_at_least' needs a number above 0 (years)"));
    REQUIRE_THROWS_WITH(
        load_catalog_json(minimal_catalog(R"([{"feature": "stocking", "values": ["toes"], "weight": 1, "says": "x"}])")),
        Contains("takes no values"));
    CHECK_NOTHROW(load_catalog_json(minimal_catalog(
        R"([{"feature": "leg_band", "weight": 1, "says": "x"}, {"feature": "glove_stocking", "weight": 1, "says": "y"}])")));
}
