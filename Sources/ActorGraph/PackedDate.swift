/// The 16-bit shape word that, with the four span day numbers, reproduces an ``EDTFDate`` exactly.
enum PackedDate {
    static let hasDate: UInt16 = 1
    static let isInterval: UInt16 = 1 << 1
    // Endpoint kinds at bits 2-3 (start) and 4-5 (end): 0 bound, 1 open, 2 unknown.
    // Precisions at bits 6-7 (start) and 8-9 (end); qualifiers at bits 10-11 (start) and 12-13 (end).

    static func pack(_ date: EDTFDate?) -> UInt16 {
        guard let date else { return 0 }
        switch date.form {
        case .point(let bound):
            return hasDate | UInt16(bound.precision.rawValue) << 6 | UInt16(bound.qualifiers.rawValue) << 10
        case .interval(let start, let end):
            var shape = hasDate | isInterval
            shape |= pack(start, kindShift: 2, precisionShift: 6, qualifierShift: 10)
            shape |= pack(end, kindShift: 4, precisionShift: 8, qualifierShift: 12)
            return shape
        }
    }

    private static func pack(
        _ endpoint: EDTFDate.Endpoint, kindShift: UInt16, precisionShift: UInt16,
        qualifierShift: UInt16
    ) -> UInt16 {
        switch endpoint {
        case .bound(let bound):
            return UInt16(bound.precision.rawValue) << precisionShift | UInt16(bound.qualifiers.rawValue)
                << qualifierShift
        case .open: return 1 << kindShift
        case .unknown: return 2 << kindShift
        }
    }

    static func unpack(shape: UInt16, possibleStart: Int32, definiteEnd: Int32) -> EDTFDate? {
        guard shape & hasDate != 0 else { return nil }
        func bound(_ day: Int32, precisionShift: UInt16, qualifierShift: UInt16) -> EDTFDate.Bound {
            EDTFDate.Bound(
                first: CalendarDay(dayNumber: day),
                precision: EDTFDate.Precision(rawValue: UInt8(shape >> precisionShift & 3)) ?? .day,
                qualifiers: EDTFDate.Qualifiers(rawValue: UInt8(shape >> qualifierShift & 3)))
        }
        if shape & isInterval == 0 {
            return EDTFDate(.point(bound(possibleStart, precisionShift: 6, qualifierShift: 10)))
        }
        func endpoint(kindShift: UInt16, day: Int32, precisionShift: UInt16, qualifierShift: UInt16)
            -> EDTFDate.Endpoint
        {
            switch shape >> kindShift & 3 {
            case 1: return .open
            case 2: return .unknown
            default: return .bound(bound(day, precisionShift: precisionShift, qualifierShift: qualifierShift))
            }
        }
        return EDTFDate(
            .interval(
                start: endpoint(kindShift: 2, day: possibleStart, precisionShift: 6, qualifierShift: 10),
                end: endpoint(kindShift: 4, day: definiteEnd, precisionShift: 8, qualifierShift: 12)))
    }
}
