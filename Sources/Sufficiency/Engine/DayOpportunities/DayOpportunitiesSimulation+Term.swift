/// The framework's term (`DayOption.term`, e.g. Good Lives' 3+2 years from the start).
///
/// At the end of the initial term the extension is taken (`extend: always`) or not (`never`).
/// When the term runs out the framework is re-procured: every member must be approved again,
/// each with the option's re-approval chance (its `approval_probability` unless set). A member
/// not approved again leaves the framework: the people it supports stay with it, now bought
/// spot at the rate they had (moving someone out of their home is not a procurement decision),
/// new placements with it are spot, and it may apply again like any failed applicant (the
/// framework stays open). The next term then runs from the re-procurement, the same length.
extension DayOpportunitiesSimulation {
    /// Schedules the end of the first term (option with a framework and a term only).
    func startTerm() {
        guard option.hasFramework, let term = option.term else { return }
        scheduleTermEnd(at: calendar.day(term.initialYears, yearsAfter: 0), extensionAvailable: term.extensionYears > 0)
    }

    func scheduleTermEnd(at end: Double, extensionAvailable: Bool) {
        beds.termEndsAt = end
        post(.frameworkTermEnd, at: end, subject: extensionAvailable ? 1 : 0)
    }

    /// The term (or its extension) ends: extend, or re-procure and start the next term.
    func endTerm(extensionAvailable: Bool) {
        guard let term = option.term else { return }
        if extensionAvailable && term.extensionRule == .always {
            beds.count(DayBedLayout.extensions)
            scheduleTermEnd(at: calendar.day(term.extensionYears, yearsAfter: t), extensionAvailable: false)
            return
        }
        reprocure()
        scheduleTermEnd(at: calendar.day(term.initialYears, yearsAfter: t), extensionAvailable: term.extensionYears > 0)
    }

    /// Every member applies again; those not approved leave the framework.
    func reprocure() {
        beds.count(DayBedLayout.reprocurements)
        let chance = option.reapprovalProbability ?? option.approvalProbability
        let stream = streams.entry
        var lost: [Bool] = Array(repeating: false, count: providers.count)
        for p in providers.indices where providers[p].member {
            if stream.uniform() < chance {
                beds.count(DayBedLayout.reapproved)
            } else {
                providers[p].member = false
                providers[p].failed = true
                stock[layout.members] -= 1
                beds.count(DayBedLayout.lost)
                lost[p] = true
            }
        }
        // The people a lost member supports on framework or legacy terms are now bought spot,
        // at the rate they had.
        let framework = Int8(DayRoute.framework.index), legacy = Int8(DayRoute.legacy.index)
        for i in people.indices where people[i].route == framework || people[i].route == legacy {
            let p = Int(people[i].provider)
            if p >= 0 && lost[p] { reprice(i) { people[i].route = Int8(DayRoute.spot.index) } }
        }
        checkSpotTarget()
    }
}
