#!/usr/bin/env python3
"""Writes assets/body_map/legs.json: the body map's outlines and tappable regions.

The JSON is the data the app draws (core/body_outline.*); this script is how its
coordinates were made (smooth leg contours cut into bands), kept so the shapes can
be changed in one place and written again:  tools/body-map-shapes.py > assets/body_map/legs.json

Convention (every view): the person's LEFT is on the LEFT of the picture, as when
you look down at your own legs (front), at yourself from behind (back), and at the
soles of your feet from behind and below (soles). So the big toe is on the inner
side in every view, and "Left"/"Right" sit under the same leg in all three.
Coordinates: x is a fraction of the panel's width, y of its height (0 at the top);
`aspect` is the panel's height / width. Regions are given for the left leg and
mirrored (x -> 1 - x) for the right. Bands are cut by horizontal lines, so no two
regions' bounding boxes overlap (the loader checks it: they are the tap areas).
"""
import json
import re

R = 4  # decimals


def pt(x, y):
    return [round(x, R), round(y, R)]


def lerp_profile(knots, y):
    """knots: [(y, x)], y ascending: x at y (linear)."""
    for (y0, x0), (y1, x1) in zip(knots, knots[1:]):
        if y0 <= y <= y1:
            t = 0 if y1 == y0 else (y - y0) / (y1 - y0)
            return x0 + (x1 - x0) * t
    raise ValueError(y)


def edge(knots, y0, y1, steps=4):
    return [(lerp_profile(knots, y0 + (y1 - y0) * i / steps), y0 + (y1 - y0) * i / steps) for i in range(steps + 1)]


def band(outer, inner, y0, y1, steps=4):
    """Polygon between the outer and inner contour from y0 to y1."""
    o = edge(outer, y0, y1, steps)
    i = edge(inner, y0, y1, steps)
    return [pt(x, y) for x, y in o] + [pt(x, y) for x, y in reversed(i)]


def half_band(outer, inner, y0, y1, which):
    mid = [(y, (lerp_profile(outer, y) + lerp_profile(inner, y)) / 2) for y, _ in outer]
    return band(outer, mid, y0, y1, 2) if which == "outer" else band(mid, inner, y0, y1, 2)


def toes_front(outer, inner, y0, y1):
    """Toes seen from the front: a band whose lower edge is five rounded tips,
    the big toe on the inner side and longest."""
    xo, xi = lerp_profile(outer, y0), lerp_profile(inner, y0)
    xo1, xi1 = lerp_profile(outer, y1), lerp_profile(inner, y1)
    pts = [pt(xo, y0), pt(xo1, y1 - 0.03)]
    # tips from the little toe (outer) to the big toe (inner)
    widths = [0.14, 0.16, 0.17, 0.18, 0.35]
    length = [0.55, 0.7, 0.8, 0.9, 1.0]
    x = xo1
    span = xi1 - xo1
    for w, l in zip(widths, length):
        x_next = x + span * w
        tip_y = y1 - (1 - l) * (y1 - y0) * 0.6
        pts.append(pt(x + (x_next - x) * 0.1, tip_y - 0.025))
        pts.append(pt(x + (x_next - x) * 0.3, tip_y - 0.006))
        pts.append(pt(x + (x_next - x) * 0.5, tip_y))
        pts.append(pt(x + (x_next - x) * 0.7, tip_y - 0.006))
        pts.append(pt(x + (x_next - x) * 0.9, tip_y - 0.025))
        x = x_next
    pts.append(pt(xi, y0))
    return pts


def mirror(poly):
    return [pt(1 - x, y) for x, y in reversed(poly)]


def regions_both(items):
    out = []
    for region, poly in items:
        out.append({"region": region, "side": "left", "points": poly})
        out.append({"region": region, "side": "right", "points": mirror(poly)})
    return out


# ---- Front: looking down at your own legs (hips to toes) ----
f_out = [(0.07, 0.075), (0.20, 0.095), (0.36, 0.155), (0.42, 0.16), (0.47, 0.165), (0.55, 0.155),
         (0.70, 0.205), (0.80, 0.205), (0.86, 0.17), (0.93, 0.155), (1.0, 0.155)]
f_in = [(0.07, 0.43), (0.20, 0.39), (0.36, 0.345), (0.42, 0.345), (0.47, 0.335), (0.55, 0.335),
        (0.70, 0.29), (0.80, 0.29), (0.86, 0.325), (0.93, 0.345), (1.0, 0.345)]
front = regions_both([
    ("thigh_front", band(f_out, f_in, 0.07, 0.36)),
    ("knee", band(f_out, f_in, 0.36, 0.47, 2)),
    ("shin", band(f_out, f_in, 0.47, 0.72)),
    ("ankle", half_band(f_out, f_in, 0.72, 0.80, "outer")),
    ("inner_ankle", half_band(f_out, f_in, 0.80 - 0.08, 0.80, "inner")),
    ("top_of_foot", band(f_out, f_in, 0.80, 0.89, 2)),
    ("toes", toes_front(f_out, f_in, 0.89, 0.995)),
])
front += [
    {"region": "hip", "side": "left", "points": [pt(0.08, 0.0), pt(0.40, 0.0), pt(0.42, 0.066), pt(0.075, 0.066)]},
    {"region": "hip", "side": "right", "points": mirror([pt(0.08, 0.0), pt(0.40, 0.0), pt(0.42, 0.066), pt(0.075, 0.066)])},
    # between the thighs, below the hips: groin and inner thighs
    {"region": "saddle_area", "side": "middle",
     "points": [pt(0.435, 0.0), pt(0.565, 0.0), pt(0.565, 0.07), pt(0.54, 0.13), pt(0.5, 0.16), pt(0.46, 0.13), pt(0.435, 0.07)]},
]

# ---- Back: seen from behind (lower back to heels) ----
b_out = [(0.16, 0.075), (0.34, 0.12), (0.40, 0.155), (0.46, 0.16), (0.50, 0.165), (0.58, 0.145),
         (0.72, 0.205), (0.81, 0.205), (0.90, 0.20), (0.97, 0.215)]
b_in = [(0.16, 0.43), (0.34, 0.375), (0.40, 0.345), (0.46, 0.345), (0.50, 0.335), (0.58, 0.35),
        (0.72, 0.29), (0.81, 0.29), (0.90, 0.30), (0.97, 0.285)]
back = regions_both([
    ("buttock", [pt(0.07, 0.11), pt(0.49, 0.11), pt(0.49, 0.22), pt(0.45, 0.255), pt(0.11, 0.255), pt(0.075, 0.21)]),
    ("thigh_back", band([(0.26, 0.09), (0.40, 0.155)], [(0.26, 0.43), (0.40, 0.345)], 0.26, 0.40, 3)),
    ("knee", band(b_out, b_in, 0.40, 0.50, 2)),
    ("calf", band(b_out, b_in, 0.50, 0.72)),
    ("ankle", half_band(b_out, b_in, 0.72, 0.81, "outer")),
    ("inner_ankle", half_band(b_out, b_in, 0.72, 0.81, "inner")),
    ("heel", [pt(0.205, 0.81), pt(0.20, 0.88), pt(0.21, 0.94), pt(0.23, 0.972), pt(0.25, 0.982), pt(0.27, 0.972),
              pt(0.29, 0.94), pt(0.30, 0.88), pt(0.29, 0.81)]),
])
back += [{"region": "lower_back", "side": "middle",
          "points": [pt(0.07, 0.0), pt(0.93, 0.0), pt(0.93, 0.10), pt(0.07, 0.10)]}]

# ---- Soles: both feet from below (toes at the top); big toe on the inner side ----
def sole_left():
    toes = [pt(0.175, 0.33), pt(0.17, 0.25), pt(0.18, 0.20), pt(0.195, 0.175), pt(0.21, 0.19),
            pt(0.215, 0.13), pt(0.23, 0.11), pt(0.245, 0.125),
            pt(0.25, 0.08), pt(0.268, 0.06), pt(0.285, 0.08),
            pt(0.29, 0.05), pt(0.308, 0.03), pt(0.325, 0.055),
            pt(0.33, 0.02), pt(0.36, 0.0), pt(0.39, 0.03), pt(0.40, 0.12), pt(0.395, 0.33)]
    # Toes, sole and heel each a third of the height: each at least 44 px tall on a phone.
    sole = [pt(0.175, 0.33), pt(0.395, 0.33), pt(0.39, 0.42), pt(0.355, 0.51), pt(0.345, 0.59),
            pt(0.355, 0.66), pt(0.20, 0.66), pt(0.185, 0.55), pt(0.178, 0.44)]
    heel = [pt(0.20, 0.66), pt(0.355, 0.66), pt(0.36, 0.78), pt(0.35, 0.89), pt(0.32, 0.96), pt(0.28, 0.99),
            pt(0.24, 0.96), pt(0.21, 0.89), pt(0.197, 0.78)]
    return [("toes", toes), ("sole", sole), ("heel", heel)]


def widen(poly, k=1.25, cx=0.28):
    """Wider feet (each part at least 44 px wide on a phone), about the foot's centre."""
    return [pt(cx + (x - cx) * k, y) for x, y in poly]


soles = regions_both([(name, widen(poly)) for name, poly in sole_left()])


doc = {
    "format": 1,
    "convention": "Every view shows the person's left on the left of the picture: the front as when you look "
                  "down at your own legs, the back as seen from behind, the soles from behind and below. "
                  "x and y are fractions of the panel's width and height; aspect = height / width.",
    "views": [
        {"view": "front", "caption": "Front", "aspect": 1.25, "regions": front},
        {"view": "back", "caption": "Back", "aspect": 1.25, "regions": back},
        {"view": "soles", "caption": "Soles (from below)", "aspect": 0.6, "regions": soles},
    ],
}
# One region a line: easy to read and to diff.
text = json.dumps(doc, indent=1)
text = re.sub(r"\[\s+(-?[0-9.]+),\s+(-?[0-9.]+)\s+\]", r"[\1, \2]", text)
text = re.sub(r'"points": \[\s+((?:\[[^\]]+\],?\s*)+)\]',
              lambda m: '"points": [' + re.sub(r"\s+", " ", m.group(1)).strip() + "]", text)
print(text)
