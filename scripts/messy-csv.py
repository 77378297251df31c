#!/usr/bin/env python3
# A spreadsheet-like edge list for timing import's spreadsheet path: N distinct made-up names, ROWS rows, ";"-separated,
# human dates. Usage: scripts/messy-csv.py N ROWS OUT.csv (docs/EXPORT.md, "Speed of the spreadsheet path").
import sys, random
n = int(sys.argv[1]); rows = int(sys.argv[2])
random.seed(7)
syll = ["ka","bu","li","ran","to","mes","qa","dor","vin","sha","mir","lo","pe","zu","an","tel","gor","ria"]
names = set()
while len(names) < n:
    names.add(" ".join("".join(random.choice(syll) for _ in range(random.randint(2,4))).capitalize() for _ in range(random.randint(1,3))))
names = sorted(names)
months = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"]
with open(sys.argv[3], "w") as f:
    f.write("Source;Target;Relationship;When;Notes\n")
    for i in range(rows):
        a = names[i % n] if i < n else random.choice(names)
        b = random.choice(names)
        if a == b: b = names[(names.index(b)+1) % n]
        d = random.choice([f"{random.choice(months)} {random.randint(1990,2024)}", f"c. {random.randint(1990,2024)}", f"{random.randint(13,28)}/{random.randint(1,12):02d}/{random.randint(1990,2024)}", f"{random.randint(1990,2024)}-"])
        f.write(f"{a};{b};meets;{d};row {i}\n")
