using System.Globalization;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Domain.Staff;

/// <summary>A hiring priority the candidate meets or not: a ranking hint, never a reason to refuse.</summary>
public sealed record HiringHint(HiringPriority Priority, bool Met, string Message, string Source);

public sealed record HiringResult(IReadOnlyList<Finding> Findings, IReadOnlyList<HiringHint> Hints)
{
    public bool Compliant => Findings.All(f => f.Passed || f.Severity != Severity.Error);
}

/// <summary>
/// The qualification engine: checks a worker, a candidate or a platform's staffing against the staff rules of a
/// policy profile on a date. Age, education and major are hiring conditions, judged on the hire date; the
/// qualification alternatives, certificate deadline, head's certificate, training and headcount are checked on
/// the date asked (docs/requirements/domain.md §3). Every finding names the document and clause; readings of silent or
/// ambiguous wording carry the profile's interpretation.
/// </summary>
public static class StaffCheck
{
    private const string Numbers = "①②③④⑤⑥⑦⑧⑨";

    /// <summary>One worker on a date.</summary>
    public static IReadOnlyList<Finding> Worker(PolicyProfile profile, WorkerFacts w, DateOnly on) =>
        WorkerFindings(profile, w, on, hiring: false);

    /// <summary>A candidate before hiring: checked on the planned hire date; nothing about later years.</summary>
    public static HiringResult Hiring(PolicyProfile profile, WorkerFacts candidate)
    {
        var findings = WorkerFindings(profile, candidate, candidate.HireDate, hiring: true);
        var hints = new List<HiringHint>();
        if (profile.Staff?.Priorities is { } priorities)
        {
            var source = profile.ShortName + priorities.Source;
            foreach (var p in priorities.Value)
            {
                var met = p switch
                {
                    HiringPriority.LocalHukou => candidate.LocalHukou,
                    HiringPriority.ProvincialFreshGraduate => candidate.ProvincialFreshGraduate,
                    HiringPriority.TrainingBaseIntern => candidate.TrainingBaseIntern,
                    HiringPriority.SocialWorkQualification => candidate.MajorCategory is MajorCategory.SocialWork or MajorCategory.Related
                        || candidate.FirstCertificate(NationalKinds, candidate.HireDate) is not null,
                    _ => false,
                };
                hints.Add(new HiringHint(p, met,
                    met ? $"具备优先录用条件：{StaffNames.Chinese(p)}（同等条件下优先，{source}）"
                        : $"不具备优先录用条件：{StaffNames.Chinese(p)}（只在同等条件下影响排序，不影响录用资格）",
                    source));
            }
        }
        return new HiringResult(findings, hints);
    }

    private static readonly CertificateKind[] NationalKinds = [CertificateKind.NationalAssistant, CertificateKind.National, CertificateKind.NationalSenior];

    private static List<Finding> WorkerFindings(PolicyProfile profile, WorkerFacts w, DateOnly on, bool hiring)
    {
        var findings = new List<Finding>();
        var rules = profile.Staff;
        if (rules is null)
        {
            return findings;
        }
        // The documents' 驻站社工 are the workers of a township station; village rooms and county centres have rules of their own.
        var resident = w.PlatformKind == PlatformKind.Station;
        var active = w.ActiveOn(on);
        if (!active && !hiring)
        {
            findings.Add(new Finding(StaffRule.Employment, false, Severity.Warning,
                on < w.HireDate
                    ? $"检查日期{D(on)}早于入职日期{D(w.HireDate)}，只核对入职条件"
                    : $"已于{D(w.LeftOn!.Value)}离职，不计入在岗人数，只核对入职条件",
                "入职日期、离职日期（登记信息）"));
        }

        if (resident && rules.MaxAge is { } maxAge)
        {
            var age = IdNumber.AgeOn(w.BirthDate, w.HireDate);
            var ok = maxAge.Value.AllowsAtMost(age);
            var limit = AgeWords(maxAge.Value);
            findings.Add(Make(profile, StaffRule.Age, ok, Severity.Error, maxAge,
                ok ? $"入职时（{D(w.HireDate)}）{age}周岁，符合“{limit}”的要求"
                   : $"入职时（{D(w.HireDate)}）已满{age}周岁，超过“{limit}”的年龄要求"));
        }
        if (resident && rules.MinEducation is { } minEducation)
        {
            var ok = w.Education >= minEducation.Value;
            var words = StaffNames.Chinese(minEducation.Value) + "及以上学历";
            findings.Add(Make(profile, StaffRule.Education, ok, Severity.Error, minEducation,
                ok ? $"学历为{StaffNames.Chinese(w.Education)}，符合“{words}”的要求"
                   : $"学历为{StaffNames.Chinese(w.Education)}，未达到“{words}”的要求"));
        }
        if (resident && rules.Majors is { } majors)
        {
            var ok = majors.Value.Contains(w.MajorCategory);
            var major = string.IsNullOrWhiteSpace(w.Major) ? StaffNames.Chinese(w.MajorCategory) : $"“{w.Major}”（{StaffNames.Chinese(w.MajorCategory)}）";
            findings.Add(Make(profile, StaffRule.Major, ok, Severity.Error, majors,
                ok ? $"所学专业{major}符合要求"
                   : $"所学专业{major}不属于{StaffNames.Majors(majors.Value)}（相关专业指社会学、社会政策、民政管理、社区管理等），不符合要求"));
        }
        if (!active && !hiring)
        {
            return findings;
        }

        if (resident && rules.Qualification is { } qualification)
        {
            findings.Add(AnyOf(profile, StaffRule.Qualification, Severity.Error, qualification, w, on,
                met => $"符合资质条件之一：{met}",
                all => $"不符合以下任一资质条件：{all}"));
        }
        if (resident && rules.CertificateDeadline is { } deadlineRule)
        {
            findings.Add(CertificateDeadline(profile, deadlineRule, w, on));
        }
        if (w.Role == WorkerRole.Head && rules.Head is { } head && head.Value.Platforms.Contains(w.PlatformKind))
        {
            findings.Add(HeadCertificate(profile, head, w, on));
        }
        if (rules.SocialWorkerDefinition is { } definition)
        {
            // Shenmu art. 5 defines the term; it is not a hiring test, so a worker outside it is a warning only.
            findings.Add(AnyOf(profile, StaffRule.SocialWorker, Severity.Warning, definition, w, on,
                met => $"属于{profile.ShortName}{definition.Source}所称的社会工作者：{met}",
                all => $"尚不属于{profile.ShortName}{definition.Source}所称的社会工作者（这是身份认定，不是招聘条件）：{all}"));
        }
        if (!hiring && rules.AnnualTraining is { } training && training.Value.Platforms.Contains(w.PlatformKind))
        {
            findings.AddRange(AnnualTraining(profile, training, w, on));
        }
        return findings;
    }

    private static Finding AnyOf(PolicyProfile profile, string rule, Severity severity, Sourced<QualificationOption[]> options,
        WorkerFacts w, DateOnly on, Func<string, string> passed, Func<string, string> failed)
    {
        var results = options.Value.Select(o => (Option: o, Result: Evaluate(o, w, on))).ToList();
        var met = results.FirstOrDefault(r => r.Result.Met);
        if (met.Option is not null)
        {
            return Make(profile, rule, true, severity, options, passed($"{met.Option.Words()}（{met.Result.Detail}）"));
        }
        var all = string.Join("；", results.Select((r, i) => $"{Numbers[i]}{r.Option.Words()}——{r.Result.Detail}"));
        return Make(profile, rule, false, severity, options, failed(all));
    }

    private static (bool Met, string Detail) Evaluate(QualificationOption o, WorkerFacts w, DateOnly on)
    {
        switch (o.Kind)
        {
            case QualificationKind.Major:
            {
                var majorOk = (o.Majors ?? []).Contains(w.MajorCategory);
                var educationOk = o.MinEducation is not { } min || w.Education >= min;
                var text = $"{StaffNames.Chinese(w.MajorCategory)}{(string.IsNullOrWhiteSpace(w.Major) ? "" : $"“{w.Major}”")}，{StaffNames.Chinese(w.Education)}学历";
                return (majorOk && educationOk, majorOk && educationOk ? text : "所学为" + text);
            }
            case QualificationKind.Certificate:
            {
                var kinds = o.Certificates ?? [];
                if (w.FirstCertificate(kinds, on, o.Registered) is { } c)
                {
                    return (true, $"{D(c.ObtainedOn)}取得{StaffNames.Chinese(c.Kind)}证书{(o.Registered ? "并已登记" : "")}");
                }
                return w.FirstCertificate(kinds, on) is { } unregistered
                    ? (false, $"持有{StaffNames.Chinese(unregistered.Kind)}证书但未登记注册")
                    : (false, "未取得");
            }
            default:
            {
                var (from, to) = TrainingWindow(o, on);
                var hours = w.Trainings.Where(t => t.Professional && t.Date >= from && t.Date <= to).Sum(t => t.Hours);
                var met = o.Hours is { } limit && limit.AllowsAtLeast(hours);
                return (met, $"{D(from)}至{D(to)}社会工作专业培训共{H(hours)}小时");
            }
        }
    }

    /// <summary>
    /// The days whose training counts, both inclusive. "近N年" is the N years ending on the date checked: under
    /// Civil Code art. 201 the day N years before is not counted, so the window opens the day after it.
    /// </summary>
    public static (DateOnly From, DateOnly To) TrainingWindow(QualificationOption o, DateOnly on) =>
        o.WindowYears is { } years ? (on.AddYears(-years).AddDays(1), on)
        : o.Since is { } since ? (since, on)
        : (DateOnly.MinValue, on);

    private static Finding CertificateDeadline(PolicyProfile profile, Sourced<CertificateDeadlineRule> s, WorkerFacts w, DateOnly on)
    {
        var rule = s.Value;
        // The period starts on the hire date and ends at the end of its anniversary (a 29 February hire ends on 28 February).
        var deadline = w.HireDate.AddYears(rule.Years);
        var certificates = StaffNames.Certificates(rule.Certificates);
        if (w.FirstCertificate(rule.Certificates, on) is { } c)
        {
            return Make(profile, StaffRule.CertificateDeadline, true, Severity.Error, s,
                c.ObtainedOn <= deadline
                    ? $"已于{D(c.ObtainedOn)}取得{StaffNames.Chinese(c.Kind)}证书，符合入职{rule.Years}年内取得证书的要求"
                    : $"已于{D(c.ObtainedOn)}取得{StaffNames.Chinese(c.Kind)}证书（晚于{D(deadline)}的期限，现已持证）");
        }
        if (on <= deadline)
        {
            var days = deadline.DayNumber - on.DayNumber;
            var warnFrom = deadline.AddMonths(-rule.WarnMonthsBefore);
            return on >= warnFrom
                ? Make(profile, StaffRule.CertificateDeadline, false, Severity.Warning, s,
                    $"尚未取得{certificates}，最迟须在{D(deadline)}（含当日）取得（入职{rule.Years}年内），还剩{days}天")
                : Make(profile, StaffRule.CertificateDeadline, true, Severity.Error, s,
                    $"尚未取得{certificates}，最迟须在{D(deadline)}（含当日）取得（入职{rule.Years}年内）");
        }
        return Make(profile, StaffRule.CertificateDeadline, false, Severity.Error, s,
            $"入职已满{rule.Years}年（期限已于{D(deadline)}届满），仍未取得{certificates}");
    }

    private static Finding HeadCertificate(PolicyProfile profile, Sourced<HeadRule> s, WorkerFacts w, DateOnly on)
    {
        var rule = s.Value;
        var problems = new List<string>();
        var good = new List<string>();
        if (w.FirstCertificate(rule.Certificates, on) is { } c)
        {
            good.Add($"持有{StaffNames.Chinese(c.Kind)}证书");
        }
        else
        {
            problems.Add($"未取得{StaffNames.Certificates(rule.Certificates)}");
        }
        if (rule.PracticeYears is { } needed)
        {
            var start = w.PracticeStartedOn ?? w.HireDate;
            var years = start > on ? 0 : IdNumber.AgeOn(start, on);
            var since = $"自{D(start)}起{(w.PracticeStartedOn is null ? "，未填写实务起始日期，按入职日期计" : "")}";
            if (needed.AllowsAtLeast(years))
            {
                good.Add($"社会工作实务经验满{years}年（{since}）");
            }
            else
            {
                problems.Add($"社会工作实务经验不满{needed.Number}年（{since}，满{years}年）");
            }
        }
        return problems.Count == 0
            ? Make(profile, StaffRule.HeadCertificate, true, Severity.Error, s, $"站长{string.Join("，", good)}，符合站长资质要求")
            : Make(profile, StaffRule.HeadCertificate, false, Severity.Error, s, $"站长资质不符合要求：{string.Join("；", problems)}（要求：{rule.Words()}）");
    }

    private static IEnumerable<Finding> AnnualTraining(PolicyProfile profile, Sourced<AnnualTrainingRule> s, WorkerFacts w, DateOnly on)
    {
        var hours = s.Value.Hours;
        // The same target the standards dashboard uses (docs/requirements/training.md): pro-rated by days employed
        // only where the profile says so (pace.proRated).
        var target = Progress.StandardCatalog.AnnualTraining(profile)!;
        // The year just ended: a shortfall is an error. Years are calendar years.
        var last = on.Year - 1;
        var lastDays = EmployedDays(w, last, new DateOnly(last, 12, 31));
        if (lastDays > 0)
        {
            var required = target.WorkerTargetFor(Progress.ProgressPeriod.OfYear(last), w.HireDate, w.LeftOn);
            var done = TrainingHours(w, new DateOnly(last, 1, 1), new DateOnly(last, 12, 31));
            var ok = (hours with { Value = required }).AllowsAtLeast(done);
            var prorated = target.ProRated && lastDays < DaysIn(last) ? $"；{last}年在岗{lastDays}天，按全年{hours.Number}学时折算" : "";
            yield return Make(profile, StaffRule.AnnualTraining, ok, Severity.Error, s,
                ok ? $"{last}年培训{H(done)}学时，达到要求的{H(required)}学时{prorated}"
                   : $"{last}年培训{H(done)}学时，少于要求的{HUp(required)}学时（每年{(hours.Inclusive ? "不少于" : "超过")}{hours.Number}学时{prorated}）");
        }

        // This year so far: a warning when behind the pace the year's total needs.
        var year = on.Year;
        var yearDays = EmployedDays(w, year, new DateOnly(year, 12, 31));
        if (yearDays <= 0)
        {
            yield break;
        }
        var full = target.WorkerTargetFor(Progress.ProgressPeriod.OfYear(year), w.HireDate, w.LeftOn);
        var expected = target.WorkerTargetFor(Progress.ProgressPeriod.YearToDate(year, on), w.HireDate, w.LeftOn);
        var sum = TrainingHours(w, new DateOnly(year, 1, 1), on);
        var note = target.ProRated && yearDays < DaysIn(year) ? $"（{year}年在岗{yearDays}天，按全年{hours.Number}学时折算）" : "";
        if ((hours with { Value = full }).AllowsAtLeast(sum))
        {
            yield return Make(profile, StaffRule.AnnualTrainingPace, true, Severity.Warning, s,
                $"{year}年已培训{H(sum)}学时，已达到全年{H(full)}学时的要求{note}");
        }
        else if (sum >= expected)
        {
            yield return Make(profile, StaffRule.AnnualTrainingPace, true, Severity.Warning, s,
                $"{year}年已培训{H(sum)}学时，不低于截至{D(on)}按进度应达的{H(expected)}学时；全年须达{HUp(full)}学时{note}");
        }
        else
        {
            yield return Make(profile, StaffRule.AnnualTrainingPace, false, Severity.Warning, s,
                $"{year}年已培训{H(sum)}学时，落后于截至{D(on)}按进度应达的{HUp(expected)}学时；全年须达{HUp(full)}学时，还差{HUp(full - sum)}学时{note}");
        }
    }

    private static decimal TrainingHours(WorkerFacts w, DateOnly from, DateOnly to) =>
        w.Trainings.Where(t => t.Date >= from && t.Date <= to).Sum(t => t.Hours);

    /// <summary>Days of <paramref name="year"/> up to <paramref name="until"/> (inclusive) on which the worker was employed.</summary>
    private static int EmployedDays(WorkerFacts w, int year, DateOnly until)
    {
        var start = new DateOnly(year, 1, 1);
        if (w.HireDate > start) start = w.HireDate;
        var end = until;
        if (w.LeftOn is { } left && left.AddDays(-1) < end) end = left.AddDays(-1);
        return Math.Max(0, end.DayNumber - start.DayNumber + 1);
    }

    private static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    /// <summary>A platform's staffing on a date: headcount, heads, village rooms, contact workers, and each worker.</summary>
    public static IReadOnlyList<Finding> Station(PolicyProfile profile, StationStaffFacts s, DateOnly on)
    {
        var findings = new List<Finding>();
        var rules = profile.Staff;
        if (rules is null)
        {
            return findings;
        }
        var active = s.Workers.Where(w => w.ActiveOn(on)).ToList();
        if (s.Kind == PlatformKind.Station && rules.StationStaff is { } staff)
        {
            findings.AddRange(StaffCount(profile, staff, s, active.Count));
        }
        if (s.Kind == PlatformKind.Station && rules.Heads is { } heads)
        {
            var n = active.Count(w => w.Role == WorkerRole.Head);
            var ok = heads.Value.Contains(n);
            findings.Add(Make(profile, StaffRule.HeadCount, ok, Severity.Error, heads,
                ok ? $"在岗站长{n}名，符合“设站长{heads.Value.Words("名")}”的要求"
                   : $"在岗站长{n}名，应为{heads.Value.Words("名")}"));
        }
        else if (rules.Head is { } head && head.Value.Platforms.Contains(s.Kind) && !active.Any(w => w.Role == WorkerRole.Head))
        {
            findings.Add(Make(profile, StaffRule.HeadCount, false, Severity.Warning, head,
                $"未登记在岗站长（负责人），无法核对站长资质（要求：{head.Value.Words()}）"));
        }
        if (s.Kind == PlatformKind.VillageRoom && rules.VillageRoomStaff is { } room)
        {
            var certs = room.Value.Certificates;
            var n = active.Count(w => certs is null || w.FirstCertificate(certs, on) is not null);
            var ok = room.Value.Min.AllowsAtLeast(n);
            var who = certs is { Length: > 0 } ? $"持有{StaffNames.Certificates(certs)}的社工" : "专（兼）职社工";
            findings.Add(Make(profile, StaffRule.VillageRoomStaff, ok, Severity.Error, room,
                ok ? $"社工室在岗{who}{n}名，符合至少{room.Value.Min.Number}名的要求"
                   : $"社工室在岗{who}{n}名，少于要求的{room.Value.Min.Number}名"));
        }
        if (s.Kind == PlatformKind.Station && rules.VillageContacts is { Value: true } contacts)
        {
            findings.Add(VillageContacts(profile, contacts, s, active));
        }
        if (s.Kind == PlatformKind.Station && rules.NewCertificates is { } newCerts)
        {
            var yearStart = new DateOnly(on.Year, 1, 1);
            var n = active.Count(w => w.Certificates.Any(c => newCerts.Value.Certificates.Contains(c.Kind) && c.ObtainedOn >= yearStart && c.ObtainedOn <= on));
            var ok = newCerts.Value.Min.AllowsAtLeast(n);
            var certificates = StaffNames.Certificates(newCerts.Value.Certificates);
            findings.Add(Make(profile, StaffRule.NewCertificates, ok, Severity.Warning, newCerts,
                ok ? $"{on.Year}年本站已有{n}名在岗社工新取得{certificates}"
                   : $"{on.Year}年截至{D(on)}本站尚无在岗社工新取得{certificates}（每站每年至少{newCerts.Value.Min.Number}名）"));
        }

        // Each worker's own findings: a worker who fails an error rule makes the platform non-compliant too.
        if (active.Count > 0 && HasWorkerRules(rules, s.Kind))
        {
            var checkedWorkers = active.Select(w => (Worker: w, Findings: Worker(profile, w, on))).ToList();
            var failing = checkedWorkers
                .Select(x => (x.Worker, Failed: x.Findings.Where(f => !f.Passed && f.Severity == Severity.Error).ToList()))
                .Where(x => x.Failed.Count > 0)
                .ToList();
            var sources = (failing.Count > 0 ? failing.SelectMany(x => x.Failed) : checkedWorkers.SelectMany(x => x.Findings))
                .Select(f => f.Source).Distinct().ToList();
            var source = string.Join("；", sources);
            findings.Add(failing.Count == 0
                ? new Finding(StaffRule.Workers, true, Severity.Error, $"在岗{active.Count}名人员均通过人员资质检查", source)
                : new Finding(StaffRule.Workers, false, Severity.Error,
                    $"在岗{active.Count}名人员中{failing.Count}名未通过人员资质检查：" +
                    string.Join("；", failing.Select(x => $"{x.Worker.Name}（{string.Join("、", x.Failed.Select(f => StaffNames.Rules.GetValueOrDefault(f.Rule, f.Rule)))}）")) +
                    $"（{source}）",
                    source));
        }
        return findings;
    }

    private static bool HasWorkerRules(StaffRules r, PlatformKind kind)
    {
        var residentRules = r.MaxAge is not null || r.MinEducation is not null || r.Majors is not null
            || r.Qualification is not null || r.CertificateDeadline is not null;
        return (kind == PlatformKind.Station && residentRules)
            || (r.Head is { } h && h.Value.Platforms.Contains(kind))
            || (r.AnnualTraining is { } t && t.Value.Platforms.Contains(kind));
    }

    private static IEnumerable<Finding> StaffCount(PolicyProfile profile, Sourced<StationStaffRule> s, StationStaffFacts station, int n)
    {
        var rule = s.Value;
        Limit? required = rule.Min;
        string? words = rule.Min is { } min ? (min.Inclusive ? $"至少{min.Number}名" : $"多于{min.Number}名") : null;
        if (rule.RequiredRange is { } range)
        {
            var rangeWords = range.Words("名");
            if (station.RequiredStaff is not { } set)
            {
                required = range.Min;
                words = range.Min is null ? null : $"至少{range.Min.Number}名（下限）";
                yield return Make(profile, StaffRule.RequiredStaff, false, Severity.Warning, s,
                    $"县级民政部门尚未核定本站驻站社工人数（按常住人口和服务对象情况在{rangeWords}之间核定），暂按下限核对");
            }
            else if (!range.Contains(set))
            {
                required = new Limit(set, true);
                words = $"核定的{set}名";
                yield return Make(profile, StaffRule.RequiredStaff, false, Severity.Error, s,
                    $"本站核定驻站社工{set}名，不在{rangeWords}之间，请县级民政部门重新核定");
            }
            else
            {
                required = new Limit(set, true);
                words = $"核定的{set}名";
                yield return Make(profile, StaffRule.RequiredStaff, true, Severity.Error, s,
                    $"县级民政部门核定本站驻站社工{set}名（{rangeWords}之间）");
            }
        }
        else if (rule.ByAgreement)
        {
            if (station.RequiredStaff is { } agreed)
            {
                required = new Limit(agreed, true);
                words = $"服务协议约定的{agreed}名";
            }
            else
            {
                yield return Make(profile, StaffRule.RequiredStaff, false, Severity.Warning, s,
                    "未录入服务协议约定的驻站社工人数，无法核对是否足额配备");
            }
        }
        if (required is not null)
        {
            var ok = required.AllowsAtLeast(n);
            yield return Make(profile, StaffRule.StaffCount, ok, Severity.Error, s,
                ok ? $"在岗驻站社工{n}名（含站长），符合{words}的要求"
                   : $"在岗驻站社工{n}名（含站长），少于{words}的要求，还差{Math.Ceiling(required.Value - n + (required.Inclusive ? 0 : 1))}名");
        }
    }

    private static Finding VillageContacts(PolicyProfile profile, Sourced<bool> s, StationStaffFacts station, List<WorkerFacts> active)
    {
        if (station.Villages.Count == 0)
        {
            return Make(profile, StaffRule.VillageContacts, false, Severity.Warning, s,
                "未找到本乡镇（街道）的村（社区）名单，无法核对定点联系社工");
        }
        var covered = active.SelectMany(w => w.ContactVillages).ToHashSet(StringComparer.Ordinal);
        var missing = station.Villages.Where(v => !covered.Contains(v.Code)).ToList();
        if (missing.Count == 0)
        {
            return Make(profile, StaffRule.VillageContacts, true, Severity.Error, s,
                $"本乡镇（街道）{station.Villages.Count}个村（社区）均有定点联系的社工");
        }
        var names = string.Join("、", missing.Take(10).Select(v => v.Name)) + (missing.Count > 10 ? $"等{missing.Count}个" : "");
        return Make(profile, StaffRule.VillageContacts, false, Severity.Error, s,
            $"{station.Villages.Count}个村（社区）中有{missing.Count}个没有定点联系的社工：{names}");
    }

    /// <summary>A finding whose source is the document's short name and clause; failures repeat the source in the message.</summary>
    private static Finding Make<T>(PolicyProfile profile, string rule, bool passed, Severity severity, Sourced<T> s, string message)
    {
        var source = profile.ShortName + s.Source;
        return new Finding(rule, passed, severity, passed ? message : $"{message}（{source}）", source) { Interpretation = s.Interpretation };
    }

    private static string AgeWords(Limit l) => l.Inclusive ? $"{l.Number}周岁以下（含{l.Number}周岁）" : $"未满{l.Number}周岁";

    /// <summary>2026年3月1日: dates in sentences.</summary>
    public static string D(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>Hours done, shown to 0.1 rounded down, so a shortfall never displays as enough.</summary>
    private static string H(decimal hours) => (Math.Floor(hours * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Hours required, shown to 0.1 rounded up.</summary>
    private static string HUp(decimal hours) => (Math.Ceiling(hours * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture);
}
