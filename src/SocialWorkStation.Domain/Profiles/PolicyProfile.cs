using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Staff;

namespace SocialWorkStation.Domain.Profiles;

/// <summary>
/// One region's rules and numbers, with the document and clause each comes from (docs/requirements/domain.md §3).
/// Loaded from Profiles/&lt;key&gt;.json; a rule the document leaves out is absent (null) and does not apply.
/// </summary>
public sealed record PolicyProfile
{
    /// <summary>Key as in docs/requirements/sources.md, e.g. hainan-ledong.</summary>
    public required string Key { get; init; }
    /// <summary>Full name of the profile, e.g. 乐东黎族自治县乡镇社会工作服务站建设方案.</summary>
    public required string Name { get; init; }
    /// <summary>Short name used in messages: "年龄超过45周岁（乐东方案第四条）".</summary>
    public required string ShortName { get; init; }
    /// <summary>The region the document governs, in words.</summary>
    public required string Region { get; init; }
    /// <summary>GB/T 2260 code of that region (6 digits) where there is one.</summary>
    public string? RegionCode { get; init; }
    public required ProfileDocument Document { get; init; }
    /// <summary>The logo a station displays (Ledong 海南社会工作, Qiongzhong 中国社会工作).</summary>
    public Sourced<string>? Logo { get; init; }
    public required SignageRules Signage { get; init; }
    public required FacilityRules Facilities { get; init; }
    /// <summary>How the three tiers hang together (docs/requirements/tiers.md); absent rules do not apply.</summary>
    public TierRules? Tiers { get; init; }
    /// <summary>The annual service standards the document sets (docs/requirements/domain.md §5); absent when it sets none.</summary>
    public ServiceStandards? Standards { get; init; }
    /// <summary>Staff rules: headcount, qualifications, heads, training (null when the document sets none).</summary>
    public StaffRules? Staff { get; init; }
    /// <summary>How often recipients are visited (定期巡访); absent when the document sets no schedule.</summary>
    public Visits.VisitSchedule? VisitSchedule { get; init; }
    /// <summary>How progress against the standards is judged by date (the documents are silent; platform defaults).</summary>
    public PaceRules? Pace { get; init; }
    /// <summary>The reports the document asks for (domain.md section 7), with due rules; absent when it names none.</summary>
    public Reports.ReportRules? Reports { get; init; }
    /// <summary>How stations are evaluated: rounds, scorers, weights, grades, precision, the default tree (docs/requirements/evaluation.md).</summary>
    public Evaluations.EvaluationRules? Evaluation { get; init; }
    /// <summary>Programme cycles, agreements and contractors (docs/requirements/agreements.md); absent: the platform defaults of AgreementRules.Default.</summary>
    public Agreements.AgreementRules? Agreements { get; init; }
    /// <summary>Budget categories, standard amounts, restricted money, overspending (docs/requirements/agreements.md §5); absent: BudgetChecks.Default.</summary>
    public Agreements.BudgetRules? Budgets { get; init; }
    /// <summary>Complaints and suggestions: who receives them and the answer's deadline (docs/requirements/public.md §4); absent: ComplaintRules.Default.</summary>
    public Complaints.ComplaintRules? Complaints { get; init; }
    /// <summary>Urgent reports' routes and the county's documents (docs/requirements/incidents.md); absent: IncidentRules defaults.</summary>
    public Incidents.IncidentRules? Incidents { get; init; }
    /// <summary>The station's books: archive retention, required management rules (docs/requirements/books.md); absent: BookRules defaults.</summary>
    public Archives.BookRules? Books { get; init; }

    /// <summary>The books rules, or the platform defaults when the profile has none.</summary>
    public Archives.BookRules BookRules => Books ?? new Archives.BookRules();

    /// <summary>The share of the expected pace below which a standard is far behind (default when the profile says nothing).</summary>
    public Sourced<decimal> FarBehindBelow => Pace?.FarBehindBelow ?? PaceRules.DefaultFarBehindBelow;

    /// <summary>Every value the profile holds, flattened for display and side-by-side comparison.</summary>
    public IEnumerable<ProfileEntry> Entries()
    {
        yield return Entry("logo", "标识", Logo);
        yield return Entry("signage.countyCentre", "标牌格式：县级中心/总站", Signage.CountyCentre);
        yield return Entry("signage.station", "标牌格式：乡镇（街道）社工站", Signage.Station);
        yield return Entry("signage.villageRoom", "标牌格式：村（社区）社工室", Signage.VillageRoom);
        yield return Entry("tiers.oneCountyCentre", "三级平台：每县（市、区）只设一个县级中心（总站）", Tiers?.OneCountyCentre);
        yield return Entry("tiers.villageRoomUnderStation", "三级平台：社工室须隶属本乡镇（街道）社工站", Tiers?.VillageRoomUnderStation);
        foreach (var (kind, label, rules) in new[]
                 {
                     (PlatformKind.CountyCentre, "县级中心", Facilities.CountyCentre),
                     (PlatformKind.Station, "社工站", Facilities.Station),
                     (PlatformKind.VillageRoom, "社工室", Facilities.VillageRoom),
                 })
        {
            var prefix = "facilities." + PlatformKinds.ToApi(kind);
            yield return Entry(prefix + ".minFloorArea", label + "：最小办公面积（平方米）", rules?.MinFloorArea);
            yield return Entry(prefix + ".requiredRooms", label + "：功能室", rules?.RequiredRooms);
            yield return Entry(prefix + ".serviceRooms", label + "：按服务项目设立的功能室", Items(rules?.ServiceRooms, r => $"{r.Name}（{StationServices.Chinese(r.Service ?? "")}时）"));
            yield return Entry(prefix + ".separateOffice", label + "：单独的办公用房", rules?.SeparateOffice);
            yield return Entry(prefix + ".requiredEquipment", label + "：办公设备（原文用词）", Items(rules?.RequiredEquipment, i => i.Display()));
            yield return Entry(prefix + ".fireSafety", label + "：消防设施", rules?.FireSafety);
            yield return Entry(prefix + ".safety", label + "：安全设施（原文用词）", Items(rules?.Safety, i => i.Display()));
        }
        var st = Standards;
        yield return Entry("standards.visitsPerWorker", "服务标准：每名社工每年入户探访（次）", st?.VisitsPerWorker);
        yield return Entry("standards.casesPerStation", "服务标准：每站每年个案接案（人）", st?.CasesPerStation);
        yield return Entry("standards.servicesPerCase", "服务标准：每个建档服务对象服务（次）", st?.ServicesPerCase);
        yield return Entry("standards.groupsPerStation", "服务标准：每站每年小组（个）", st?.GroupsPerStation);
        yield return Entry("standards.sessionsPerGroup", "服务标准：每个小组节数", st?.SessionsPerGroup);
        yield return Entry("standards.participantTimesPerGroup", "服务标准：每个小组参与人次", st?.ParticipantTimesPerGroup);
        yield return Entry("standards.activitiesPerStation", "服务标准：每站每年乡镇活动（场）", st?.ActivitiesPerStation);
        yield return Entry("standards.participantsPerActivity", "服务标准：每场活动参与人数", st?.ParticipantsPerActivity);
        yield return Entry("standards.requiredActivityKinds", "服务标准：活动须包括",
            st?.RequiredActivityKinds is { } k ? k with { Value = k.Value.Select(a => ActivityKinds.FromApi(a) is { } x ? ActivityKinds.Chinese(x) : a).ToArray() } : null);
        yield return Entry("standards.newVolunteersPerStation", "服务标准：每站每年新增实名注册志愿者（名）", st?.NewVolunteersPerStation);
        yield return Entry("standards.volunteerTeamsPerStation", "服务标准：每站志愿服务队（支）", st?.VolunteerTeamsPerStation);
        yield return Entry("standards.featuredCasesPerStation", "服务标准：每站特色服务案例（篇）", st?.FeaturedCasesPerStation);
        yield return Entry("standards.recipientFilesPerStation", "服务标准：每站每年服务建档（人）", st?.RecipientFilesPerStation);
        yield return Entry("standards.contractorChecksPerMonth", "项目经理检查指导：每月对每个社工站至少（次）", st?.ContractorChecksPerMonth);
        yield return Entry("pace.farBehindBelow", "进度：低于应完成进度的该比例为严重落后", FarBehindBelow);
        yield return Entry("pace.proRated", "进度：按在岗天数折算目标的标准",
            Pace?.ProRated is { } pr ? pr with { Value = pr.Value.Select(k => Progress.StandardCatalog.Find(k)?.Label ?? k).ToArray() } : null);
        yield return Entry("pace.fullTarget", "进度：年中入职或离职仍按全年目标计的标准", FullTargetForMidPeriodHires());
        yield return Entry("visits.backFillDays", "走访记录：走访后超过该天数才录入的标为“补录”", BackFill);
        foreach (var e in (Staff ?? new StaffRules()).Entries())
        {
            yield return e;
        }
        yield return Entry("visitSchedule.intervals", "定期走访间隔",
            VisitSchedule?.Intervals is { } iv ? new Sourced<string[]>(iv.Value.Select(r => $"{r.Label}：每{r.Days}天{(r.HomeVisitOnly ? "上门" : "")}至少1次").ToArray(), iv.Source, iv.Interpretation) : null);
        foreach (var kind in Reports?.Kinds ?? [])
        {
            yield return new ProfileEntry("reports." + kind.Key, "报告：" + kind.Name, $"报送{string.Join("、", kind.Receivers)}；{kind.Due.Describe()}{(kind.Due.MovesToWorkingDay ? "，遇节假日顺延至下一工作日" : "")}", kind.DueSource ?? kind.Source, kind.Interpretation);
        }
        foreach (var e in Evaluations.EvaluationEntries.For(Evaluation))
        {
            yield return e;
        }
        var a = Agreements;
        yield return Entry("agreements.cycleYears", "项目周期（年，周期内一年一签）", a?.CycleYears);
        yield return Entry("agreements.contractorRule", "承接主体", a?.ContractorRule is { } c ? new Sourced<string>(c.Value.Description, c.Source, c.Interpretation) : null);
        yield return Entry("agreements.termOneYearFromSigning", "每份协议服务期限为签订之日起1年", a?.TermOneYearFromSigning);
        yield return Entry("agreements.requiredClauses", "协议应明确的内容", a?.RequiredClauses is { } rc ? new Sourced<string[]>(rc.Value.Select(x => x.Name).ToArray(), rc.Source, rc.Interpretation) : null);
        yield return Entry("agreements.filingWorkingDays", "协议副本报市（州）备案（签订后工作日）", a?.FilingWorkingDays);
        yield return Entry("agreements.workersPlacedMonths", "驻站社工到岗（签订后月数）", a?.WorkersPlacedMonths);
        yield return Entry("agreements.implementationPlanSections", "年度实施计划（报上级民政部门备案）的内容", a?.ImplementationPlanSections is { } ps ? new Sourced<string[]>(ps.Value.Select(x => x.Name).ToArray(), ps.Source, ps.Interpretation) : null);
        yield return Entry("agreements.recruitmentPlan", "承接机构人员招聘方案（报上级民政部门备案）", a?.RecruitmentPlan);
        var b = Budgets;
        yield return Entry("budgets.categories", "预算科目", b?.Categories is { } bc
            ? new Sourced<string[]>(bc.Value.Select(x => x.StandardAmount is { } m ? $"{x.Name}（每站{Domain.Agreements.BudgetChecks.Yuan(m)}元）" : x.Name).ToArray(), bc.Source, bc.Interpretation) : null);
        yield return Entry("budgets.stationStandardTotal", "每站预算标准（元）", b?.StationStandardTotal);
        yield return Entry("budgets.countyCentreMinimum", "总站年度经费下限（元）", b?.CountyCentreMinimum);
        yield return Entry("budgets.restrictions", "限定用途资金", b?.Restrictions is { } br
            ? new Sourced<string[]>(br.Value.Select(x => Domain.Agreements.BudgetChecks.FundingName(x.Source) + x.Description).ToArray(), br.Source, br.Interpretation) : null);
        yield return Entry("budgets.overspend", "超预算支出", b?.Overspend is { } bo ? new Sourced<string>(bo.Value == Domain.Agreements.OverspendPolicy.Refuse ? "拒绝" : "提示", bo.Source, bo.Interpretation) : null);
        var cr = Complaints ?? Domain.Complaints.ComplaintRules.Default;
        yield return Entry("complaints.receiver", "投诉建议的受理机关", new Sourced<string>(Domain.Complaints.ComplaintLabels.Receiver(cr.Receiver.Value), cr.Receiver.Source, cr.Receiver.Interpretation));
        yield return Entry("complaints.answerWorkingDays", "投诉建议答复期限（工作日）", cr.AnswerWorkingDays);
        yield return Entry("incidents.urgentRoutes", "紧急情况报告路径", Incidents?.UrgentRoutes is { } ur
            ? new Sourced<string[]>(ur.Value.Select(r => $"{Domain.Incidents.IncidentLabels.Need(r.Need)}→{Domain.Incidents.IncidentLabels.Receiver(r.To)}").ToArray(), ur.Source, ur.Interpretation)
            : new Sourced<string[]>([Domain.Incidents.IncidentLabels.Receiver(Domain.Incidents.IncidentRules.DefaultReceiver.Value)], Domain.Incidents.IncidentRules.DefaultReceiver.Source, Domain.Incidents.IncidentRules.DefaultReceiver.Interpretation));
        yield return Entry("incidents.countyDocuments", "县级须制定的文件", Incidents?.CountyDocuments);
        yield return Entry("books.archiveRetentionYears", "档案最短保管期限（年）", BookRules.Retention);
    }

    /// <summary>
    /// The worker standards this profile tracks but does not pro-rate: a worker hired or leaving mid-period owes the
    /// whole target (docs/requirements/training.md "What is not pro-rated"). The documents are silent: 平台默认.
    /// </summary>
    private Sourced<string[]>? FullTargetForMidPeriodHires()
    {
        var full = Progress.StandardCatalog.TrackedBy(this)
            .Where(t => t.Definition.Level == Progress.StandardLevel.Worker && !t.ProRated)
            .Select(t => $"{t.Definition.Label}（每人每年{t.Number:0.##}{t.Definition.Unit}）").ToArray();
        return full.Length == 0 ? null : new Sourced<string[]>(full, "平台默认（文件未规定年中入职或离职人员的目标）",
            "年中入职或离职的社工，只要在该期间有一天在岗，就须完成该期间的全部目标，不按在岗天数扣减（例如7月1日入职的社工仍须完成全年24次入户探访）。这样不会因人员变动降低服务对象应得的探访；如方案决定折算，在 pace.proRated 中列出该标准。");
    }

    /// <summary>The back-fill threshold (补录), a platform default shown with its reason (Domain/Visits/VisitRules).</summary>
    private static readonly Sourced<int> BackFill = new(Visits.VisitRules.BackFillDays, "平台默认（五份文件均未规定补录期限）",
        "走访后第7天及以内录入为及时记录，第8天起录入的标为“补录”，台账读者可以分清当时的记录与事后补记。");

    private static Sourced<string[]>? Items(Sourced<PremisesItem[]>? list, Func<PremisesItem, string> show) =>
        list is null ? null : new Sourced<string[]>(list.Value.Select(show).ToArray(), list.Source, list.Interpretation);

    private static ProfileEntry Entry<T>(string path, string label, Sourced<T>? value) =>
        value is null
            ? new ProfileEntry(path, label, null, null, null)
            : new ProfileEntry(path, label, Display(value.Value), value.Source, value.Interpretation);

    private static string Display<T>(T value) => value switch
    {
        string[] list => string.Join("、", list),
        bool b => b ? "要求" : "不要求",
        string text => Platforms.Signage.Describe(text),
        null => "",
        _ => value.ToString() ?? "",
    };
}

/// <summary>How progress is judged against the pace; none of the five documents sets these, so each value says it is a platform default.</summary>
public sealed record PaceRules
{
    public static readonly Sourced<decimal> DefaultFarBehindBelow = new(0.5m, "平台默认（五份文件均未规定进度预警线）",
        "已完成数低于按已过天数应完成数的一半，标为严重落后；低于应完成数但不低于一半，标为落后。");

    /// <summary>Below this share of the expected pace a standard is far behind (0.5: under half of what the days elapsed ask).</summary>
    public Sourced<decimal>? FarBehindBelow { get; init; }
    /// <summary>Worker standards whose target is pro-rated by days employed in the year; others are owed in full.</summary>
    public Sourced<string[]>? ProRated { get; init; }
}

public sealed record ProfileDocument
{
    public required string Title { get; init; }
    /// <summary>The source document (docs/requirements/sources.md) the profile was read from.</summary>
    public required string File { get; init; }
    public string? Issuer { get; init; }
    public string? Number { get; init; }
    public string? Year { get; init; }
}

/// <summary>
/// Signage formats (标牌格式). Placeholders: {province}, {city}, {county}, {township}, {village},
/// replaced by the names of the platform's region and its ancestors.
/// </summary>
public sealed record SignageRules
{
    public Sourced<string>? CountyCentre { get; init; }
    public Sourced<string>? Station { get; init; }
    public Sourced<string>? VillageRoom { get; init; }

    public Sourced<string>? For(PlatformKind kind) => kind switch
    {
        PlatformKind.CountyCentre => CountyCentre,
        PlatformKind.Station => Station,
        PlatformKind.VillageRoom => VillageRoom,
        _ => null,
    };
}

public sealed record FacilityRules
{
    public PlatformFacilityRules? CountyCentre { get; init; }
    public PlatformFacilityRules? Station { get; init; }
    public PlatformFacilityRules? VillageRoom { get; init; }

    public PlatformFacilityRules? For(PlatformKind kind) => kind switch
    {
        PlatformKind.CountyCentre => CountyCentre,
        PlatformKind.Station => Station,
        PlatformKind.VillageRoom => VillageRoom,
        _ => null,
    };
}

public sealed record PlatformFacilityRules
{
    /// <summary>Minimum floor area in square metres (Shenmu art. 9: 27; Wenzhou: 100).</summary>
    public Sourced<decimal>? MinFloorArea { get; init; }
    /// <summary>Functional rooms that must exist (a recorded room may serve several functions).</summary>
    public Sourced<string[]>? RequiredRooms { get; init; }
    /// <summary>Rooms required once the station runs a service (Wenzhou 六(一)2 "根据服务项目"): each names its service.</summary>
    public Sourced<PremisesItem[]>? ServiceRooms { get; init; }
    /// <summary>A separate office (单独的办公用房: Hunan 五(一), Qiongzhong (五)1).</summary>
    public Sourced<bool>? SeparateOffice { get; init; }
    /// <summary>Office equipment, each item with the document's verb: 应/须/需 missing is an error, 宜/可/鼓励 a warning.</summary>
    public Sourced<PremisesItem[]>? RequiredEquipment { get; init; }
    /// <summary>Safety facilities named apart (Wenzhou 六(一)4: 防火、防盗、安全逃生), each with its verb.</summary>
    public Sourced<PremisesItem[]>? Safety { get; init; }
    /// <summary>Fire safety equipment required.</summary>
    public Sourced<bool>? FireSafety { get; init; }
}

/// <summary>One row of a profile as shown on the profile page and in comparisons.</summary>
public sealed record ProfileEntry(string Path, string Label, string? Value, string? Source, string? Interpretation);
