/// A provider's workforce: the capacity it gives, leavers and the rounds they leave uncovered,
/// vacancies and surplus, room to recruit, hires, staff moving between providers, and the clock
/// that sends packages back when the workforce cannot cover them.
extension ProviderBooks {
    /// Contact hours a week provider `p` can deliver: its fixed hours, or its care workers ×
    /// their contracted hours a week × the productive share.
    @inline(__always)
    func capacity(of p: Int, workforce: WorkforceSettings) -> Double {
        let fixed = traits[p].fixedCapacityHours
        if !fixed.isNaN { return fixed }
        return states[p].workers * workforce.contractedHoursPerWeek * states[p].productive
    }

    /// Sets provider `p`'s capacity from its workforce now (`capacity(of:workforce:)`) and
    /// refreshes its spare hours.
    @inline(__always)
    func refreshCapacity(_ p: Int, workforce: WorkforceSettings) {
        setCapacity(capacity(of: p, workforce: workforce), of: p)
    }

    /// Provider `p` loses `leavers` care workers. The hours their rounds held that the rest of
    /// the workforce has no room for (beyond its capacity with the usual overcommitment) are
    /// uncovered, and `uncoveredShare` of them (`HandBackSettings.uncoveredShare`) are set aside
    /// to be handed back at the next capacity check; the rest the provider stretches its
    /// remaining staff over (undelivered hours, until the tolerance and grace rule acts).
    @inline(__always)
    func loseWorkers(_ p: Int, leavers: Int, workforce: WorkforceSettings, uncoveredShare share: Double) {
        let s = states.pointer(p)
        let perWorker = workforce.contractedHoursPerWeek * s.pointee.productive
        s.pointee.workers -= Double(leavers)
        guard share > 0 else { return }
        let room = s.pointee.workers * perWorker * overcommit
        let uncovered = min(Double(leavers) * perWorker, s.pointee.committed - room)
        if uncovered > 0 { s.pointee.uncovered += uncovered * share }
    }

    /// Sets provider `p`'s vacancies and surplus (care workers): the staff its packages (or its
    /// guaranteed hours, if more), its private work and `wanted` waiting hours (hours a week)
    /// need with the staffing buffer, less the workers it has, or the other way round.
    @inline(__always)
    func setVacancies(_ p: Int, wanted: Double, workforce: WorkforceSettings) {
        let s = states.pointer(p)
        let perWorker = workforce.contractedHoursPerWeek * s.pointee.productive
        // Guaranteed hours are staffed for whether used or not; private work needs staff too.
        var held = s.pointee.committed
        if s.pointee.guaranteed > held { held = s.pointee.guaranteed }
        let target = ((held + s.pointee.privateHours + wanted) * (1 + workforce.staffingBuffer) / perWorker)
            .rounded(.up)
        s.pointee.vacancies = max(0, target - s.pointee.workers)
        s.pointee.surplus = max(0, s.pointee.workers - target)
    }

    /// A week's recruitment capacity for provider `p` (care workers): a fractional rate means a
    /// hire every few weeks, and what is not used within four weeks is lost.
    @inline(__always)
    func buildRecruitRoom(_ p: Int) {
        let perWeek = traits[p].recruitmentPerWeek
        states[p].recruitRoom = min(states[p].recruitRoom + perWeek, max(1, perWeek * 4))
    }

    /// Whether provider `p` is in the market with a vacancy and room to recruit a worker.
    @inline(__always)
    func isRecruiting(_ p: Int) -> Bool {
        let s = states.pointer(p)
        return s.pointee.active && s.pointee.vacancies >= 1 && s.pointee.recruitRoom >= 1
    }

    /// Provider `p` hires from `applicants` job seekers up to its vacancies and its room to recruit.
    @inline(__always)
    func hire(_ p: Int, applicants: UInt32) {
        let s = states.pointer(p)
        let hires = min(Double(applicants), s.pointee.vacancies, s.pointee.recruitRoom.rounded(.down))
        if hires > 0 {
            s.pointee.workers += hires
            s.pointee.vacancies -= hires
            s.pointee.recruitRoom -= hires
        }
    }

    /// Hours a week of provider `p`'s packages that leavers left uncovered, to be handed back
    /// now; the provider's count starts again from zero.
    @inline(__always)
    func takeUncovered(_ p: Int) -> Double {
        let hours = states[p].uncovered
        states[p].uncovered = 0
        return hours
    }

    /// Runs provider `p`'s over-capacity clock on day `now`: it starts when the provider's
    /// committed hours first exceed its capacity by more than `tolerance` (a share) and stops
    /// when they no longer do. Returns whether it has run for `graceDays` days or more; the
    /// clock then stops, and the provider hands packages back until within capacity.
    @inline(__always)
    func graceEnded(_ p: Int, tolerance: Double, graceDays: Double, now: Double) -> Bool {
        let s = states.pointer(p)
        guard s.pointee.committed > s.pointee.capacity * (1 + tolerance) + HomeCareSimulation.epsilon else {
            s.pointee.overSince = .nan
            return false
        }
        if s.pointee.overSince.isNaN {
            s.pointee.overSince = now
            return false
        }
        guard now - s.pointee.overSince >= graceDays else { return false }
        s.pointee.overSince = .nan
        return true
    }

    /// Whether provider `p`'s committed hours are above its capacity (contact hours a week).
    @inline(__always)
    func isOverCapacity(_ p: Int) -> Bool {
        states[p].committed > states[p].capacity + HomeCareSimulation.epsilon
    }

    /// `n` care workers move from provider `p` to provider `q` (whose integrals must be up to now).
    @inline(__always)
    func moveWorkers(_ n: Double, from p: Int, to q: Int) {
        states[p].workers -= n
        states[q].workers += n
    }
}
