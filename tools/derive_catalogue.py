"""Derive the coach's exercise catalogue, core/recording/exercises.json, from free-exercise-db.

    .venv/bin/python tools/derive_catalogue.py           # rewrite the shipped file
    .venv/bin/python tools/derive_catalogue.py --check   # exit 1 if it would change

The dataset (yuhonas/free-exercise-db, The Unlicense) sits at ../shared beside the clone; only
this tool reads it, never the product. The table below is ours: which dataset exercise each
of our exercises takes its muscles from, with our id, name and the aliases people type. The
first 29 rows are the hand-written catalogue that stored history already uses: their ids,
names, muscles, pattern and region are kept exactly as they were, and their aliases too (a
few gained more). Variants with an alias there stay one lift with it (sumo deadlift,
pendlay row, hammer curl, walking lunge), so new logs keep adding to the same history.

How a dataset exercise becomes ours, unless a row says otherwise:
- muscles: every primary muscle, plus the secondary ones that are a real mover rather than a
  stabiliser (a major muscle, biceps or triceps, but never the lower back, and not the
  hamstrings of a quads-first lift such as a squat or lunge), in our words (MUSCLE).
- region: lower when the primary muscle is a leg or hip muscle or the lower back, else upper.
- pattern: isolation for isolation lifts and trunk work; squat (lunge when named a lunge,
  step-up or split squat) for quads-first lifts; hinge for hamstrings, glutes or lower back;
  otherwise push or pull as the dataset's force says.
- bodyweight: equipment "body only"; equipment: the gear words a user may put before the
  name without making it another lift ("barbell bent over row" is still a barbell row).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT.parent / "shared" / "data" / "free-exercise-db"
OUTPUT = ROOT / "core" / "recording" / "exercises.json"
REPOSITORY = "yuhonas/free-exercise-db"

MUSCLE = {
    "quadriceps": "quads",
    "hamstrings": "hamstrings",
    "glutes": "glutes",
    "abductors": "glutes",  # the gluteus medius abducts the hip
    "adductors": "adductors",
    "chest": "chest",
    "lats": "back",
    "middle back": "back",
    "lower back": "back",
    "traps": "traps",
    "shoulders": "shoulders",
    "biceps": "biceps",
    "triceps": "triceps",
    "forearms": "forearms",
    "calves": "calves",
    "abdominals": "core",
    "neck": "neck",
}
SECONDARY_MOVERS = {
    "quads",
    "hamstrings",
    "glutes",
    "chest",
    "back",
    "shoulders",
    "biceps",
    "triceps",
}
LOWER = {"quadriceps", "hamstrings", "glutes", "calves", "abductors", "adductors", "lower back"}
GEAR = {
    "barbell": "barbell",
    "e-z curl bar": "barbell",
    "dumbbell": "dumbbell",
    "kettlebells": "kettlebell",
    "cable": "cable",
    "machine": "machine",
    "body only": "bodyweight",
    "bands": "band",
}


@dataclass(frozen=True)
class Row:
    source: str  # the dataset id the muscles come from
    id: str
    name: str
    aliases: str  # comma-separated
    muscles: str | None = None  # space-separated; None: derived
    pattern: str | None = None
    region: str | None = None
    bodyweight: bool | None = None
    gear: str | None = None  # space-separated; None: from the dataset's equipment
    measure: str = "reps"  # "distance" for carries and sleds: not sets of reps


def _ours(
    source: str,
    id: str,
    name: str,
    pattern: str,
    muscles: str,
    region: str,
    gear: str,
    aliases: str,
    bodyweight: bool = False,
) -> Row:
    """Return a row of the hand-written catalogue, whose data is ours, not derived."""
    return Row(source, id, name, aliases, muscles, pattern, region, bodyweight, gear)


R = Row
ROWS: tuple[Row, ...] = (
    # --- the hand-written catalogue: ids in stored history, kept as they were -----------
    _ours("Barbell_Squat", "squat", "Squat", "squat", "quads glutes core", "lower", "barbell",
          "back squat, barbell squat, bb squat, high bar squat, low bar squat, sq, squatted"),
    _ours("Front_Barbell_Squat", "front_squat", "Front squat", "squat", "quads glutes core",
          "lower", "barbell", "fs"),
    _ours("Goblet_Squat", "goblet_squat", "Goblet squat", "squat", "quads glutes", "lower",
          "kettlebell dumbbell", "goblet, kb squat, db squat"),
    _ours("Split_Squat_with_Dumbbells", "bulgarian_split_squat", "Bulgarian split squat", "lunge",
          "quads glutes", "lower", "dumbbell barbell kettlebell",
          "bss, split squat, bulgarian, rfess, rear foot elevated split squat"),
    _ours("Dumbbell_Lunges", "lunge", "Lunge", "lunge", "quads glutes", "lower",
          "dumbbell barbell kettlebell",
          "walking lunge, reverse lunge, db lunge, forward lunge"),
    _ours("Leg_Press", "leg_press", "Leg press", "squat", "quads glutes", "lower", "machine",
          "lp, 45 degree leg press, sled leg press, leg press sled, narrow stance leg press, "
          "wide stance leg press"),
    _ours("Barbell_Deadlift", "deadlift", "Deadlift", "hinge", "hamstrings glutes back", "lower",
          "barbell",
          "dl, dead, conventional deadlift, sumo deadlift, sumo, barbell deadlift, deadlifted"),
    _ours("Romanian_Deadlift", "romanian_deadlift", "Romanian deadlift", "hinge",
          "hamstrings glutes", "lower", "barbell dumbbell",
          "rdl, romanian, stiff leg deadlift, sldl, db rdl, dumbbell rdl, "
          "dumbbell romanian deadlift, db romanian deadlift, straight leg deadlift, "
          "stiff legged deadlift, dumbbell stiff legged deadlift"),
    _ours("Trap_Bar_Deadlift", "trap_bar_deadlift", "Trap bar deadlift", "hinge",
          "quads hamstrings glutes back", "lower", "trap-bar",
          "trap bar, trap bar dl, hex bar, hex bar deadlift, hex bar dl, tbdl"),
    _ours("Barbell_Hip_Thrust", "hip_thrust", "Hip thrust", "hinge", "glutes hamstrings", "lower",
          "barbell", "barbell hip thrust, barbell glute bridge, thrust"),
    _ours("One-Arm_Kettlebell_Swings", "kettlebell_swing", "Kettlebell swing", "hinge",
          "glutes hamstrings core", "lower", "kettlebell",
          "kb swing, swing, two-handed swing, two handed swing, two-handed kettlebell swing"),
    _ours("Barbell_Bench_Press_-_Medium_Grip", "bench_press", "Bench press", "push",
          "chest shoulders triceps", "upper", "barbell",
          "bench, bp, flat bench, barbell bench, bb bench, benched"),
    _ours("Barbell_Incline_Bench_Press_-_Medium_Grip", "incline_bench_press",
          "Incline bench press", "push", "chest shoulders triceps", "upper", "barbell",
          "incline bench, incline, incline press"),
    _ours("Dumbbell_Bench_Press", "dumbbell_bench_press", "Dumbbell bench press", "push",
          "chest shoulders triceps", "upper", "dumbbell",
          "db bench, dumbbell bench, db press, db bench press, dumbbell press, "
          "dumbbell chest press, db chest press"),
    _ours("Standing_Military_Press", "overhead_press", "Overhead press", "push",
          "shoulders triceps core", "upper", "barbell",
          "ohp, press, military press, shoulder press, strict press, standing press"),
    _ours("Pushups", "push_up", "Push-up", "push", "chest shoulders triceps core", "upper",
          "bodyweight", "push up, pushup, press up", bodyweight=True),
    _ours("Dips_-_Chest_Version", "dip", "Dip", "push", "chest triceps shoulders", "upper",
          "bodyweight", "parallel bar dip, chest dip, bar dip", bodyweight=True),
    _ours("Bent_Over_Barbell_Row", "barbell_row", "Barbell row", "pull", "back biceps", "upper",
          "barbell", "row, bb row, bent over row, pendlay row"),
    _ours("One-Arm_Dumbbell_Row", "dumbbell_row", "Dumbbell row", "pull", "back biceps", "upper",
          "dumbbell", "db row, one arm row, single arm row, db bent over row, bent over db row"),
    _ours("Seated_Cable_Rows", "seated_row", "Seated row", "pull", "back biceps", "upper",
          "cable machine", "cable row, seated cable row"),
    _ours("Wide-Grip_Lat_Pulldown", "lat_pulldown", "Lat pulldown", "pull", "back biceps",
          "upper", "cable machine",
          "pulldown, lat pull down, pull down, wide grip lat pulldown, wide grip pulldown, "
          "front pulldown"),
    _ours("Pullups", "pull_up", "Pull-up", "pull", "back biceps", "upper", "bodyweight",
          "pull up, pullup", bodyweight=True),
    _ours("Chin-Up", "chin_up", "Chin-up", "pull", "back biceps", "upper", "bodyweight",
          "chin up, chinup, chin, parallel grip chin, parallel grip chin up, neutral grip chin up",
          bodyweight=True),
    _ours("Face_Pull", "face_pull", "Face pull", "pull", "shoulders back", "upper", "cable",
          "facepull, cable face pull, seated cable face pull"),
    _ours("Lying_Leg_Curls", "leg_curl", "Leg curl", "isolation", "hamstrings", "lower", "machine",
          "hamstring curl, lying leg curl, seated leg curl, seated hamstring curl, "
          "lying hamstring curl, prone leg curl, prone hamstring curl"),
    _ours("Leg_Extensions", "leg_extension", "Leg extension", "isolation", "quads", "lower",
          "machine", "leg ext, quad extension"),
    _ours("Standing_Calf_Raises", "calf_raise", "Calf raise", "isolation", "calves", "lower",
          "machine barbell dumbbell", "calves, standing calf raise, seated calf raise"),
    _ours("Dumbbell_Bicep_Curl", "bicep_curl", "Bicep curl", "isolation", "biceps", "upper",
          "dumbbell barbell",
          "curl, biceps curl, db curl, barbell curl, hammer curl, ez bar curl, ez curl, "
          "seated dumbbell curl"),
    _ours("Triceps_Pushdown", "tricep_extension", "Tricep extension", "isolation", "triceps",
          "upper", "cable dumbbell barbell",
          "triceps extension, skull crusher, skullcrusher, tricep pushdown, pushdown, "
          "overhead extension, rope pushdown, tricep rope pushdown, db tricep extension, "
          "pressdown, tricep pressdown, triceps pressdown, cable pressdown, v pressdown, "
          "cable v pressdown"),
    # --- squats and lunges -----------------------------------------------------------------
    R("Hack_Squat", "hack_squat", "Hack squat", "hack, hack sled, hack squat sled"),
    R("Box_Squat", "box_squat", "Box squat", "high box squat"),
    R("Barbell_Squat", "pause_squat", "Pause squat", "paused squat"),
    R("Zercher_Squats", "zercher_squat", "Zercher squat", ""),
    R("Overhead_Squat", "overhead_squat", "Overhead squat", "ohs, oh squat",
      muscles="quads glutes shoulders"),
    R("Barbell_Squat", "safety_bar_squat", "Safety bar squat", "ssb squat, ssb, safety squat"),
    R("Smith_Machine_Squat", "smith_machine_squat", "Smith machine squat", "smith squat",
      gear="smith"),
    R("Bodyweight_Squat", "bodyweight_squat", "Bodyweight squat", "air squat, bw squat"),
    R("Butt_Lift_Bridge", "glute_bridge", "Glute bridge", "bridge, hip bridge, butt lift",
      pattern="hinge", muscles="glutes hamstrings", bodyweight=True),
    R("Kettlebell_Pistol_Squat", "pistol_squat", "Pistol squat",
      "pistol, single leg squat, one leg squat", muscles="quads glutes", bodyweight=True,
      gear="kettlebell dumbbell"),
    R("Weighted_Sissy_Squat", "sissy_squat", "Sissy squat", "", muscles="quads", bodyweight=True),
    R("Plie_Dumbbell_Squat", "sumo_squat", "Sumo squat", "plie squat",
      gear="dumbbell kettlebell"),
    R("Freehand_Jump_Squat", "jump_squat", "Jump squat", ""),
    R("Kettlebell_Thruster", "thruster", "Thruster", "", muscles="quads glutes shoulders triceps",
      pattern="squat", region="lower", gear="barbell dumbbell kettlebell"),
    R("Leg_Press", "seated_leg_press", "Seated leg press", "horizontal leg press"),
    R("Leg_Press", "single_leg_press", "Single-leg press",
      "single leg leg press, one leg press, one leg leg press"),
    R("Dumbbell_Step_Ups", "step_up", "Step-up", "box step up, bench step up",
      gear="dumbbell barbell kettlebell"),
    # --- hinges, hips and hamstrings ----------------------------------------------------------
    R("Deficit_Deadlift", "deficit_deadlift", "Deficit deadlift", "deficit dl, deficit pull",
      muscles="hamstrings glutes back"),
    R("Rack_Pulls", "rack_pull", "Rack pull", "rack deadlift, block pull"),
    R("Kettlebell_One-Legged_Deadlift", "single_leg_rdl", "Single-leg RDL",
      "single leg romanian deadlift, sl rdl, single leg deadlift, one leg rdl",
      gear="dumbbell kettlebell barbell"),
    R("Good_Morning", "good_morning", "Good morning", ""),
    R("Hyperextensions_Back_Extensions", "back_extension", "Back extension",
      "hyperextension, hyper, back hyper, back raise, 45 degree back extension, "
      "45 degree back raise, roman chair back extension, back ext, roman chair back ext",
      pattern="hinge", bodyweight=True),
    R("Reverse_Hyperextension", "reverse_hyper", "Reverse hyper", "reverse hyperextension"),
    R("Natural_Glute_Ham_Raise", "nordic_curl", "Nordic curl",
      "nordic, nordic hamstring curl, nordic ham curl, natural glute ham raise",
      muscles="hamstrings", pattern="isolation"),
    R("Glute_Ham_Raise", "glute_ham_raise", "Glute-ham raise", "ghr", bodyweight=True),
    R("Pull_Through", "cable_pull_through", "Cable pull-through", "pull through"),
    R("One-Legged_Cable_Kickback", "glute_kickback", "Glute kickback", "cable glute kickback",
      muscles="glutes"),
    R("Thigh_Abductor", "hip_abduction", "Hip abduction",
      "abductor, abduction, abductor machine, hip abductor, abduction machine"),
    R("Thigh_Adductor", "hip_adduction", "Hip adduction",
      "adductor, adduction, adductor machine, hip adductor, adduction machine",
      muscles="adductors"),
    # --- Olympic lifts and kettlebells ------------------------------------------------------
    R("Power_Clean", "power_clean", "Power clean", "", muscles="quads hamstrings glutes back"),
    R("Hang_Clean", "hang_clean", "Hang clean", "hang power clean",
      muscles="quads hamstrings glutes back", pattern="hinge"),
    R("Clean", "clean", "Clean", "squat clean, full clean",
      muscles="quads hamstrings glutes back"),
    R("Clean_Pull", "clean_pull", "Clean pull", "", muscles="quads hamstrings glutes back",
      pattern="hinge"),
    R("Clean_and_Jerk", "clean_and_jerk", "Clean and jerk", "clean & jerk, c&j, c and j",
      muscles="quads hamstrings glutes back shoulders", pattern="hinge", region="lower"),
    R("Snatch", "snatch", "Snatch", "squat snatch, full snatch",
      muscles="quads hamstrings glutes back shoulders", pattern="hinge"),
    R("Power_Snatch", "power_snatch", "Power snatch", "",
      muscles="quads hamstrings glutes back shoulders"),
    R("Hang_Snatch", "hang_snatch", "Hang snatch", "hang power snatch",
      muscles="quads hamstrings glutes back shoulders"),
    R("Push_Press", "push_press", "Push press", "", muscles="shoulders triceps"),
    R("Split_Jerk", "split_jerk", "Split jerk", "", muscles="shoulders triceps",
      pattern="push", region="upper"),
    R("Power_Jerk", "push_jerk", "Push jerk", "power jerk", muscles="shoulders triceps",
      pattern="push", region="upper"),
    R("One-Arm_Kettlebell_Clean", "kettlebell_clean", "Kettlebell clean", ""),
    R("Two-Arm_Kettlebell_Military_Press", "kettlebell_press", "Kettlebell press",
      "kb overhead press, kb military press, kb shoulder press"),
    R("One-Arm_Kettlebell_Snatch", "kettlebell_snatch", "Kettlebell snatch", "",
      muscles="hamstrings glutes shoulders", pattern="hinge", region="lower"),
    R("Kettlebell_Turkish_Get-Up_Squat_style", "turkish_get_up", "Turkish get-up",
      "tgu, get up, turkish getup", muscles="shoulders core"),
    # --- carries and sleds: distances, not sets of reps ---------------------------------------
    R("Farmers_Walk", "farmers_walk", "Farmer's walk", "farmer walk, farmer carry, farmers carry",
      muscles="forearms traps core", pattern="carry", region="lower",
      gear="dumbbell kettlebell", measure="distance"),
    R("Sled_Push", "sled_push", "Sled push", "prowler, prowler push",
      muscles="quads glutes", pattern="carry", measure="distance"),
    R("Sled_Drag_-_Harness", "sled_drag", "Sled drag", "sled pull", pattern="carry",
      measure="distance"),
    # --- chest and shoulders ------------------------------------------------------------------
    R("Close-Grip_Barbell_Bench_Press", "close_grip_bench_press", "Close-grip bench press",
      "close grip bench, cgbp, close grip bp, cg bench"),
    R("Barbell_Bench_Press_-_Medium_Grip", "pause_bench_press", "Pause bench press",
      "pause bench, paused bench, paused bench press, paused bp"),
    R("Floor_Press", "floor_press", "Floor press", ""),
    R("Decline_Barbell_Bench_Press", "decline_bench_press", "Decline bench press",
      "decline bench, decline press"),
    R("Smith_Machine_Bench_Press", "smith_machine_bench_press", "Smith machine bench press",
      "smith bench, smith bench press", gear="smith"),
    R("Leverage_Chest_Press", "machine_chest_press", "Machine chest press",
      "chest press, chest press machine, seated chest press, hammer strength chest press"),
    R("Leverage_Incline_Chest_Press", "incline_machine_press", "Incline machine press",
      "machine incline press, incline chest press, incline chest press machine, "
      "incline press machine"),
    R("Butterfly", "pec_deck", "Pec deck",
      "pec dec, pec deck fly, butterfly, machine fly, pec fly, chest fly machine"),
    R("Cable_Crossover", "cable_fly", "Cable fly",
      "cable crossover, cable flye, crossover, cable chest fly, low cable fly, high cable fly",
      muscles="chest"),
    R("Dumbbell_Flyes", "dumbbell_fly", "Dumbbell fly", "dumbbell flye"),
    R("Incline_Dumbbell_Press", "incline_dumbbell_press", "Incline dumbbell press",
      "incline db press, incline dumbbell bench press, incline db bench, incline db bench press, "
      "incline db, incline dumbbell, "
      "incline dumbbell bench, dumbbell incline press, dumbbell incline chest press, "
      "db incline press, incline dumbbell chest press, dumbbell incline bench press",
      muscles="chest shoulders triceps"),
    R("Incline_Dumbbell_Flyes", "incline_dumbbell_fly", "Incline dumbbell fly",
      "incline fly, incline flye, incline dumbbell flye", muscles="chest", pattern="isolation"),
    R("Dumbbell_Shoulder_Press", "dumbbell_shoulder_press", "Dumbbell shoulder press",
      "db ohp, db overhead press, db military press, seated db press, seated db shoulder press"),
    R("Arnold_Dumbbell_Press", "arnold_press", "Arnold press", "arnold"),
    R("Machine_Shoulder_Military_Press", "machine_shoulder_press", "Machine shoulder press",
      "shoulder press machine, machine ohp, machine overhead press, machine military press, "
      "seated shoulder press machine, seated machine shoulder press"),
    R("Standing_Barbell_Press_Behind_Neck", "behind_the_neck_press", "Behind-the-neck press",
      "btn press, behind neck press"),
    R("Landmine_Linear_Jammer", "landmine_press", "Landmine press", "landmine shoulder press",
      muscles="shoulders chest triceps"),
    R("Side_Lateral_Raise", "lateral_raise", "Lateral raise",
      "lat raise, side raise, side lateral raise, side lateral, side delt raise, "
      "seated lateral raise"),
    R("Cable_Seated_Lateral_Raise", "cable_lateral_raise", "Cable lateral raise",
      "cable lat raise, cable side raise, cable side lateral raise", muscles="shoulders"),
    R("Front_Dumbbell_Raise", "front_raise", "Front raise", "front delt raise, db front raise"),
    R("Reverse_Flyes", "rear_delt_fly", "Rear delt fly",
      "rear delt, reverse fly, reverse flye, rear fly, rear delt raise, rear delt flye, "
      "rear lateral raise, bent over reverse fly, bent over lateral raise"),
    R("Reverse_Machine_Flyes", "reverse_pec_deck", "Reverse pec deck",
      "reverse pec dec, rear delt machine, machine rear delt fly, reverse machine fly, "
      "reverse fly machine, machine reverse fly"),
    R("Upright_Barbell_Row", "upright_row", "Upright row", "", muscles="shoulders traps",
      gear="barbell dumbbell cable"),
    R("Barbell_Shrug", "shrug", "Shrug", "trap shrug, barbell shrug"),
    R("Dumbbell_Shrug", "dumbbell_shrug", "Dumbbell shrug", "dumbbell shoulder shrug"),
    R("Incline_Push-Up", "incline_push_up", "Incline push-up", ""),
    R("Decline_Push-Up", "decline_push_up", "Decline push-up", "feet elevated push up",
      bodyweight=True),
    R("Push-Ups_-_Close_Triceps_Position", "diamond_push_up", "Diamond push-up",
      "close grip push up, triangle push up"),
    R("Handstand_Push-Ups", "handstand_push_up", "Handstand push-up", "hspu"),
    R("Bench_Dips", "bench_dip", "Bench dip", "chair dip"),
    R("Ring_Dips", "ring_dip", "Ring dip", "", bodyweight=True),
    # --- back -------------------------------------------------------------------------------
    R("T-Bar_Row_with_Handle", "t_bar_row", "T-bar row", "t bar, landmine row",
      gear="barbell machine"),
    R("Reverse_Grip_Bent-Over_Rows", "underhand_row", "Underhand row",
      "yates row, reverse grip row, reverse grip barbell row, underhand barbell row",
      muscles="back biceps"),
    R("Dumbbell_Incline_Row", "chest_supported_row", "Chest-supported row",
      "incline row, incline db row, chest supported db row", muscles="back biceps"),
    R("Lying_Cambered_Barbell_Row", "seal_row", "Seal row", "", pattern="pull"),
    R("Leverage_Iso_Row", "machine_row", "Machine row",
      "seated machine row, hammer strength row, iso row, iso lateral row"),
    R("Leverage_High_Row", "high_row", "High row", "machine high row"),
    R("Seated_One-arm_Cable_Pulley_Rows", "single_arm_cable_row", "Single-arm cable row",
      "one arm cable row, single arm seated cable row"),
    R("Inverted_Row", "inverted_row", "Inverted row",
      "australian pull up, body row, bodyweight row, ring row, trx row", muscles="back biceps",
      bodyweight=True),
    R("Straight-Arm_Pulldown", "straight_arm_pulldown", "Straight-arm pulldown",
      "straight arm lat pulldown, stiff arm pulldown, lat prayer, cable pullover"),
    R("Straight-Arm_Dumbbell_Pullover", "dumbbell_pullover", "Dumbbell pullover",
      "pullover", muscles="chest back"),
    R("Muscle_Up", "muscle_up", "Muscle-up", "bar muscle up, ring muscle up",
      muscles="back biceps triceps", bodyweight=True),
    R("Band_Pull_Apart", "band_pull_apart", "Band pull-apart", "pull apart",
      bodyweight=True),
    # --- arms -------------------------------------------------------------------------------
    R("Preacher_Curl", "preacher_curl", "Preacher curl", "preacher, ez bar preacher curl",
      gear="barbell dumbbell"),
    R("Concentration_Curls", "concentration_curl", "Concentration curl", ""),
    R("Incline_Dumbbell_Curl", "incline_dumbbell_curl", "Incline dumbbell curl", "incline curl"),
    R("Standing_Biceps_Cable_Curl", "cable_curl", "Cable curl",
      "cable bicep curl, cable biceps curl"),
    R("Reverse_Barbell_Curl", "reverse_curl", "Reverse curl",
      "reverse grip curl, reverse barbell curl", muscles="biceps forearms"),
    R("Palms-Up_Barbell_Wrist_Curl_Over_A_Bench", "wrist_curl", "Wrist curl", "",
      gear="barbell dumbbell"),
    R("Tricep_Dumbbell_Kickback", "tricep_kickback", "Tricep kickback", "db kickback"),
    # --- trunk: reps only (planks and other holds are timed, so they are left out) ---------
    R("Ab_Roller", "ab_wheel", "Ab wheel",
      "ab roller, ab rollout, ab wheel rollout, rollout, wheel rollout", muscles="core",
      bodyweight=True),
    R("Hanging_Leg_Raise", "hanging_leg_raise", "Hanging leg raise", "hlr"),
    R("Flat_Bench_Lying_Leg_Raise", "lying_leg_raise", "Lying leg raise", ""),
    R("Hanging_Pike", "toes_to_bar", "Toes-to-bar", "t2b, ttb, toes 2 bar"),
    R("Russian_Twist", "russian_twist", "Russian twist", ""),
    R("Crunches", "crunch", "Crunch", ""),
    R("Sit-Up", "sit_up", "Sit-up", ""),
    R("Ab_Crunch_Machine", "machine_crunch", "Machine crunch",
      "ab crunch machine, crunch machine, ab machine"),
    R("Cable_Crunch", "cable_crunch", "Cable crunch", "kneeling cable crunch, rope crunch"),
    R("Pallof_Press", "pallof_press", "Pallof press", "pallof", muscles="core",
      gear="cable band"),
    R("Standing_Cable_Wood_Chop", "woodchop", "Cable woodchop",
      "woodchop, wood chop, woodchopper, cable wood chop", muscles="core"),
    R("Dead_Bug", "dead_bug", "Dead bug", ""),
    R("Dumbbell_Side_Bend", "side_bend", "Side bend", "dumbbell side bend, db side bend"),
)  # fmt: skip


def read_dataset(folder: Path = DATASET) -> tuple[list[dict], str]:
    """Return the dataset's exercises and the upstream commit its README names."""
    readme = (folder / "README.md").read_text(encoding="utf-8")
    commit = re.search(r"commit\s+([0-9a-f]{40})", readme)
    if commit is None:
        raise ValueError(f"{folder / 'README.md'} names no commit")
    return json.loads((folder / "exercises.json").read_text(encoding="utf-8")), commit[1]


def _muscles(source: dict) -> list[str]:
    primary = [MUSCLE[m] for m in source["primaryMuscles"]]
    quads_first = "quadriceps" in source["primaryMuscles"]
    secondary = [
        MUSCLE[m]
        for m in source["secondaryMuscles"]
        if m != "lower back"
        and MUSCLE[m] in SECONDARY_MOVERS
        and not (quads_first and m == "hamstrings")
    ]
    return list(dict.fromkeys(primary + secondary))


def _pattern(row: Row, source: dict) -> str:
    first = source["primaryMuscles"][0]
    if source["mechanic"] == "isolation" or first == "abdominals":
        return "isolation"
    if first == "quadriceps":
        named = row.name.lower()
        return "lunge" if any(w in named for w in ("lunge", "step-up", "split")) else "squat"
    if first in ("hamstrings", "glutes", "lower back"):
        return "hinge"
    return "push" if source["force"] == "push" else "pull"


def exercise(row: Row, source: dict) -> dict:
    """Return our exercise for a table row and the dataset exercise it comes from."""
    if row.gear is not None:
        gear = row.gear.split()
    else:
        gear = [GEAR[source["equipment"]]] if source["equipment"] in GEAR else []
    # "bodyweight" before a name keeps it the same lift only for a bodyweight lift.
    bodyweight = (
        row.bodyweight if row.bodyweight is not None else source["equipment"] == "body only"
    )
    gear = [g for g in gear if g != "bodyweight"] + (["bodyweight"] if bodyweight else [])
    return {
        "id": row.id,
        "name": row.name,
        "pattern": row.pattern or _pattern(row, source),
        "region": row.region or ("lower" if source["primaryMuscles"][0] in LOWER else "upper"),
        "muscles": row.muscles.split() if row.muscles else _muscles(source),
        "bodyweight": bodyweight,
        "equipment": gear,
        "measure": row.measure,
        "aliases": [a.strip() for a in row.aliases.split(",") if a.strip()],
        "source": source["id"],
    }


def derive(dataset: list[dict], commit: str) -> str:
    """Return the text of exercises.json: a provenance header, then one exercise a line."""
    by_id = {e["id"]: e for e in dataset}
    missing = [row.source for row in ROWS if row.source not in by_id]
    if missing:
        raise KeyError(f"not in the dataset: {missing}")
    ids = [row.id for row in ROWS]
    if len(ids) != len(set(ids)):
        raise ValueError("an id is listed twice")
    about = {
        "generated_by": "tools/derive_catalogue.py (edit its table and re-run; never by hand)",
        "source": f"https://github.com/{REPOSITORY}",
        "file": "dist/exercises.json",
        "commit": commit,
        "licence": "The Unlicense (public domain)",
        "exercises": len(ROWS),
    }
    lines = [json.dumps(exercise(row, by_id[row.source]), ensure_ascii=False) for row in ROWS]
    return (
        '{"about": '
        + json.dumps(about, ensure_ascii=False)
        + ',\n"exercises": [\n'
        + ",\n".join(lines)
        + "\n]}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    parser.add_argument("--dataset", type=Path, default=DATASET)
    args = parser.parse_args(argv)
    text = derive(*read_dataset(args.dataset))
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if args.check:
        sys.stdout.write("up to date\n" if text == current else f"{OUTPUT} is stale\n")
        return 0 if text == current else 1
    OUTPUT.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {len(ROWS)} exercises to {OUTPUT.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
