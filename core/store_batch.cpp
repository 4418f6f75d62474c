// Store::batch: several store calls as one write transaction (store.hpp). The
// calls' own transactions become savepoints inside it (sql::Txn), so each still
// rolls back alone on its own failure, and nothing is on disk before the end.
#include "store.hpp"
#include "store_sql.hpp"

namespace nd {

void Store::batch(const std::function<void()>& steps) {
    sql::Txn txn(db_);   // BEGIN IMMEDIATE, or a savepoint when a batch is already open
    steps();             // a throw: the destructor rolls every step back
    txn.commit();
}

}  // namespace nd
