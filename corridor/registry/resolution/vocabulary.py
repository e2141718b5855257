"""Word lists for the synthetic generator: fictional supplier names, streets, corridor towns.

Names are built from ordinary parts (the way real suppliers are named), so any resemblance to
a real company is a coincidence of common words. Towns and FSAs are real public geography.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import data_rows


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STEMS = _words(
    """
Apex Northstar Lakeshore Maple Summit Pinnacle Trident Vanguard Keystone Crestline Benchmark
Heritage Dominion Frontier Horizon Meridian Sterling Titan Zenith Cobalt Granite Ironwood
Silverline Redline Bluewater Greenfield Riverside Superior Huron Erie Thames Oxford Elgin
Norfolk Carolinian Laurentian Algonquin Ridgeway Stonebridge Oakridge Pinecrest Cedarvale
Birchmount Willowbrook Fairview Highland Lakeview Bayview Westgate Eastway Northway Southgate
Centreline Midland Continental Premier Paramount Sovereign Regal Royal Monarch Empire Liberty
Patriot Pioneer Trailblazer Voyager Mariner Navigator Compass Anchor Beacon Lighthouse Harbour
Portside Seaway Canal Bridgeview Gateway Crossroads Junction Corridor Expressway Parkway
Landmark Milestone Cornerstone Foundation Bedrock Quarry Ironside Steelcraft Metalcraft Tru-Form
Duraform Flexform Uniform Precisionform Accuform Omega Alpha Delta Sigma Gamma Kappa Vector
Matrix Quantum Vertex Axis Orbit Nova Stellar Solaris Polaris Aurora Borealis Arctic Glacier
Tundra Timber Falcon Eagle Hawk Osprey Kestrel Raven Heron Cardinal Oriole Bluejay Mustang
Stallion Bronco Colt Cougar Lynx Wolverine Badger Beaver Otter Moose Caribou Bison Ram Viking
Spartan Trojan Centurion Legion Sentinel Guardian Ranger Marshal Admiral Commodore Captain Pilot
Rocket Jet Turbo Piston Torque Gearhead Camshaft Crankworks Sparkline Circuit Dynamo Magneto
Voltage Ampere Kinetic Momentum Velocity Inertia Fulcrum Lever Pulley Tensor Caliper Micron
Nanotec Microtec Accutec Protec Innotec Dynatec Polytec Unitec Maxtec Ultratec Precitec Autotec
Metatec Sinter Forgecraft Castwell Moldwell Bendwell Presswell Weldwell Ever-Ready Ready-Set
Allied United Consolidated Associated Integrated Advanced Dynamic Strategic Global Worldwide
Transcontinental Interlake Tri-County Twin-City Four-Corners Bi-Way Tri-Star Five-Star
Silver-Oak Golden-Horseshoe Black-Creek Red-River Grand-River Credit-Valley Niagara Escarpment
Oak-Ridges Kawartha Muskoka Haliburton Georgian Simcoe Durham Halton Peel Wellington Perth
Waterloo Brant Kent Lambton Essex Middlesex Grey Bruce Dufferin Hastings Frontenac Lennox
"""
)

SURNAMES = _words(
    """
Kessler Martinez DiCarlo VanDyk Schmidt Nguyen Patel Kowalski Brunetti Fischer Hoffman MacDonald
O'Brien Dubois Tremblay Gagnon Bouchard Rossi Ferrari Romano Colombo Ricci Marino Greco Bianchi
Novak Horvat Kovac Nowak Wozniak Kaminski Lewandowski Zielinski Schneider Weber Becker Wagner
Richter Klein Wolf Schroeder Neumann Schwarz Zimmermann Braun Krueger Hartmann Lange Werner
Krause Lehmann Koehler Walsh Murphy Kelly Sullivan Byrne Ryan Doyle McCarthy Gallagher Campbell
Stewart Robertson Thomson Anderson Reid Morrison Fraser Henderson Ferguson Graham Hamilton
Mackenzie Sinclair Chen Wang Li Zhang Liu Huang Singh Sharma Gupta Kumar Mehta Desai Joshi Silva
Santos Pereira Costa Almeida Sousa Teixeira Medeiros Azevedo Tavares Dekker Jansen DeVries
Bakker Visser Smit Mulder Bos Vos Peters Hendriks Dijkstra Nieuwenhuis Vermeulen Lindqvist
Johansson Nilsson Larsen Hansen Pedersen Kristensen Andersen Olsen Haugen Berg Moreau Laurent
Lefebvre Girard Lambert Fontaine Rousseau Vincent Mercier Blanchard Caron Leblanc Cote Pelletier
Levesque Morin
"""
)

SYLLABLE_HEADS = _words(
    """
Dura Flexi Poly Uni Tri Maxi Ultra Pro Inno Accu Metri Opti Versa Omni Vita Nexa Cana Onta Lumi
Terra Aqua Ferro Alu Cupro Titani Chromo Magna Micro Mega Hyper Octa Penta Hexa Quadri Syn Aero
"""
)
SYLLABLE_TAILS = _words(
    """
tec tech form flex weld cast mold bend press line core craft works matic tronics dyne lux star
vex tron gard lok seal fit grip span trak flow tek plex con max cor dex sys
"""
)


@dataclass(frozen=True, slots=True)
class Trade:
    """A line of business: the words in names, its NAICS code, a products phrase."""

    words: str
    naics: str
    products: str


TRADES: tuple[Trade, ...] = (
    Trade("Stamping", "336370", "metal stampings, brackets"),
    Trade("Precision Stamping", "336370", "progressive die stampings"),
    Trade("Metal Stampings", "336370", "stamped body panels"),
    Trade("Precision Machining", "332710", "CNC machined components"),
    Trade("Machine Works", "332710", "machined shafts and housings"),
    Trade("Machining", "332710", "CNC turning and milling"),
    Trade("Die Casting", "331523", "aluminum die castings"),
    Trade("Castings", "331523", "aluminum and zinc castings"),
    Trade("Plastics", "326199", "injection-moulded plastic parts"),
    Trade("Plastic Products", "326199", "interior plastic trim"),
    Trade("Mould", "333511", "injection moulds"),
    Trade("Mould & Die", "333511", "moulds and dies"),
    Trade("Moulding", "326199", "injection moulding"),
    Trade("Tool & Die", "333514", "progressive dies, tooling"),
    Trade("Tooling", "333514", "tooling, fixtures, gauges"),
    Trade("Tool", "333514", "cutting tools"),
    Trade("Coatings", "332810", "e-coat and powder coating"),
    Trade("Powder Coating", "332810", "powder coating services"),
    Trade("Plating", "332810", "zinc and nickel plating"),
    Trade("Wire Harness", "336320", "wire harnesses"),
    Trade("Electrical Systems", "336320", "electrical assemblies"),
    Trade("Fasteners", "332722", "bolts, nuts and fasteners"),
    Trade("Springs", "332611", "coil and wire springs"),
    Trade("Springs & Wire Forms", "332611", "springs and wire forms"),
    Trade("Manufacturing", "336390", "automotive components"),
    Trade("Industries", "336390", "automotive parts"),
    Trade("Technologies", "336390", "engineered components"),
    Trade("Automation", "333248", "automation cells, robotics integration"),
    Trade("Welding", "332319", "robotic welding, weld assemblies"),
    Trade("Fabricating", "332319", "metal fabrication"),
    Trade("Metal Fabrication", "332319", "sheet-metal fabrication"),
    Trade("Heat Treating", "332811", "heat treating"),
    Trade("Rubber Products", "326291", "rubber seals and hoses"),
    Trade("Foam Products", "326150", "foam seating components"),
    Trade("Seating Systems", "336360", "automotive seating"),
    Trade("Interiors", "336360", "interior trim systems"),
    Trade("Glass", "327215", "automotive glass"),
    Trade("Forgings", "332118", "steel forgings"),
    Trade("Gear", "333612", "gears and gearboxes"),
    Trade("Extrusions", "331318", "aluminum extrusions"),
    Trade("Assemblies", "336390", "modules and sub-assemblies"),
    Trade("Components", "336390", "automotive components"),
    Trade("Engineering", "541330", "product and tooling engineering"),
    Trade("Aluminum Products", "331318", "aluminium extrusions and parts"),
    Trade("Steel Products", "331221", "steel tubes and sections"),
    Trade("Hydraulics", "333995", "hydraulic cylinders"),
    Trade("Sealing Systems", "326291", "door and window seals"),
    Trade("Electronics", "336320", "electronic modules"),
    Trade("Paint Systems", "332810", "paint finishing"),
    Trade("Trim", "336360", "trim components"),
    Trade("Packaging", "322211", "returnable dunnage and packaging"),
    Trade("Finishing", "332810", "deburring and finishing"),
    Trade("Automotive", "336390", "automotive parts"),
    Trade("Precision Products", "332710", "precision turned parts"),
    Trade("Molded Products", "326199", "moulded plastic parts"),
)

GENERIC_NAMES = (
    "Precision Machining",
    "Quality Tool & Die",
    "Custom Metal Fabrication",
    "Precision Stamping",
    "Advanced Coatings",
    "General Tool",
    "Industrial Plastics",
    "Quality Springs",
)

STREET_NAMES = _words(
    """
Main King Queen Dundas Huron Erie Ontario Victoria Wellington Adelaide Talbot Walker Ouellette
Provincial Jefferson Tecumseh Hurontario Steeles Dixie Airport Industrial Commerce Enterprise
Progress Innovation Technology Manufacturers Production Fountain Bishop Boxwood Speedvale
Woodlawn Northam Sheldon Hespeler Fairway Homer-Watson Trillium Dunlop Farmer Pittsburgh
Sprucewood Lauzon Rhodes Banwell Patillo Anderdon Sandwich Malden Howard Division Oxford Norwich
Dundas Springbank Wonderland Highbury Clarke Crumlin Sovereign Bessemer Ferrell Finney Glasgow
Edward Centennial Keele Jane Weston Pine-Valley Rutherford Langstaff Millway Creditstone
Snidercroft Jevlan Zenway Marycroft Caldari Bowes Barmac Basaltic Tapscott Markham Denison
Esna-Park Alden Bullock Ferrier Clark Brock Stevenson Simcoe Ritson Wilson Harmony Champlain
Baseline Bloor Taunton Thickson Hopkins Consumers Victoria Nelson Powerline Holland Fairview
Elgin Young Tottenham Dufferin Mill Church Mary Albert Parkhill Coronation Fleming
Industrial-Park Hanlon Southgate Laird Stone Watson Arrow Maltby Woodbine Kennedy Midwest
Nashdene Passmore Progress Golden-Star Copernicus Mid-Dearborn
"""
)

STREET_TYPES = (
    "Street",
    "Road",
    "Avenue",
    "Drive",
    "Boulevard",
    "Crescent",
    "Court",
    "Parkway",
    "Way",
    "Place",
)
STREET_TYPE_WEIGHTS = (18, 24, 10, 22, 6, 6, 5, 4, 3, 2)
DIRECTIONS = ("North", "South", "East", "West")


@dataclass(frozen=True, slots=True)
class CorridorTown:
    """A municipality of the corridor, the local names written for it, and its geography."""

    municipality: str
    local: tuple[str, ...]  # community names; a trailing * marks one unknown to the matcher
    lat: float
    lon: float
    fsas: tuple[str, ...]
    area_codes: tuple[str, ...]
    weight: float


def corridor_towns() -> tuple[CorridorTown, ...]:
    """The generator's towns, from data/corridor_towns.csv."""
    return tuple(
        CorridorTown(
            municipality=row["municipality"],
            local=tuple(x for x in row["local"].split(";") if x),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            fsas=tuple(row["fsas"].split()),
            area_codes=tuple(row["area_codes"].split()),
            weight=float(row["weight"]),
        )
        for row in data_rows("corridor_towns.csv")
    )
