using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Staff;
using static SocialWorkStation.Domain.Tests.Staff.StaffTestData;

namespace SocialWorkStation.Domain.Tests.Staff;

/// <summary>Every worker rule of every profile at its edges (domain.md section 3 and 10).</summary>
public class WorkerRuleTests
{
    private static readonly DateOnly Check = Day("2026-03-01");

    // ---- age: inclusive on the hire date -------------------------------------------------------------

    [Theory]
    [InlineData("hainan-ledong", 45)]
    [InlineData("hainan-qiongzhong", 45)]
    [InlineData("wenzhou", 45)]
    [InlineData("hunan", 40)]
    public void Age_limit_includes_its_number_until_the_next_birthday(string key, int limit)
    {
        var hire = Day("2025-06-15");
        // The (limit+1)th birthday is the day after the hire date: still "limit" years old, passes.
        var young = Worker(hire: "2025-06-15", birth: hire.AddYears(-(limit + 1)).AddDays(1).ToString("yyyy-MM-dd"));
        var finding = One(StaffCheck.Worker(Profile(key), young, Check), StaffRule.Age);
        Passes(finding);
        Assert.Contains($"{limit}周岁", finding.Message);

        // The (limit+1)th birthday is the hire date itself: fails.
        var old = Worker(hire: "2025-06-15", birth: hire.AddYears(-(limit + 1)).ToString("yyyy-MM-dd"));
        var failed = One(StaffCheck.Worker(Profile(key), old, Check), StaffRule.Age);
        Fails(failed, Severity.Error);
        Assert.Contains($"已满{limit + 1}周岁", failed.Message);
        Assert.Contains(Profile(key).ShortName, failed.Source);
        Assert.False(string.IsNullOrEmpty(failed.Interpretation));
    }

    [Fact]
    public void A_29_February_birthday_falls_on_28_February_in_a_common_year()
    {
        // Born 1980-02-29: the 46th birthday in 2026 (a common year) is 28 February (Civil Code art. 201).
        var ledong = Profile("hainan-ledong");
        Passes(One(StaffCheck.Worker(ledong, Worker(hire: "2026-02-27", birth: "1980-02-29"), Check), StaffRule.Age));
        Fails(One(StaffCheck.Worker(ledong, Worker(hire: "2026-02-28", birth: "1980-02-29"), Check), StaffRule.Age), Severity.Error);

        // Hunan's 40: born 1984-02-29, 41 on 2025-02-28.
        var hunan = Profile("hunan");
        Passes(One(StaffCheck.Worker(hunan, Worker(hire: "2025-02-27", birth: "1984-02-29"), Check), StaffRule.Age));
        Fails(One(StaffCheck.Worker(hunan, Worker(hire: "2025-02-28", birth: "1984-02-29"), Check), StaffRule.Age), Severity.Error);

        // In a leap year the birthday is 29 February itself: born 1980-02-29, 44 on 2024-02-29 and not before.
        var qiongzhong = Profile("hainan-qiongzhong");
        Assert.Contains("43周岁", One(StaffCheck.Worker(qiongzhong, Worker(hire: "2024-02-28", birth: "1980-02-29"), Check), StaffRule.Age).Message);
        Assert.Contains("44周岁", One(StaffCheck.Worker(qiongzhong, Worker(hire: "2024-02-29", birth: "1980-02-29"), Check), StaffRule.Age).Message);
    }

    [Fact]
    public void Age_is_a_hiring_condition_so_a_worker_hired_at_45_still_passes_years_later()
    {
        var w = Worker(hire: "2020-01-10", birth: "1974-06-01");
        Passes(One(StaffCheck.Worker(Profile("hainan-ledong"), w, Day("2030-01-01")), StaffRule.Age));
    }

    [Fact]
    public void Shenmu_sets_no_age_education_or_major_rule()
    {
        var w = Worker(birth: "1950-01-01", education: Education.HighSchool, major: MajorCategory.Other);
        var findings = StaffCheck.Worker(Profile("shenmu"), w, Check);
        Assert.DoesNotContain(findings, f => f.Rule is StaffRule.Age or StaffRule.Education or StaffRule.Major or StaffRule.Qualification);
    }

    [Fact]
    public void Hiring_rules_apply_to_station_workers_not_to_village_room_workers()
    {
        var w = Worker(birth: "1950-01-01", education: Education.HighSchool, kind: PlatformKind.VillageRoom);
        var findings = StaffCheck.Worker(Profile("wenzhou"), w, Check);
        Assert.DoesNotContain(findings, f => f.Rule is StaffRule.Age or StaffRule.Qualification);
    }

    // ---- education and major -------------------------------------------------------------------------

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    public void Junior_college_is_the_lowest_education(string key)
    {
        Passes(One(StaffCheck.Worker(Profile(key), Worker(education: Education.JuniorCollege), Check), StaffRule.Education));
        var failed = One(StaffCheck.Worker(Profile(key), Worker(education: Education.HighSchool), Check), StaffRule.Education);
        Fails(failed, Severity.Error);
        Assert.Contains("大专及以上学历", failed.Message);
    }

    [Fact]
    public void Wenzhou_sets_no_education_level()
    {
        Assert.DoesNotContain(StaffCheck.Worker(Profile("wenzhou"), Worker(education: Education.HighSchool), Check), f => f.Rule == StaffRule.Education);
    }

    [Fact]
    public void Qiongzhong_needs_a_social_work_or_related_major_and_others_do_not()
    {
        var qz = Profile("hainan-qiongzhong");
        Passes(One(StaffCheck.Worker(qz, Worker(major: MajorCategory.Related), Check), StaffRule.Major));
        var failed = One(StaffCheck.Worker(qz, Worker(major: MajorCategory.Other), Check), StaffRule.Major);
        Fails(failed, Severity.Error);
        Assert.Contains("会计学", failed.Message);
        Assert.DoesNotContain(StaffCheck.Worker(Profile("hunan"), Worker(major: MajorCategory.Other), Check), f => f.Rule == StaffRule.Major);
        Assert.DoesNotContain(StaffCheck.Worker(Profile("hainan-ledong"), Worker(major: MajorCategory.Other), Check), f => f.Rule == StaffRule.Major);
    }

    // ---- the "one of" qualification alternatives -------------------------------------------------------

    private static WorkerFacts Untrained(params TrainingFacts[] trainings) =>
        Worker(major: MajorCategory.Other, certificates: [], trainings: trainings);

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    public void Exactly_120_hours_in_five_years_qualifies_and_119_and_a_half_does_not(string key)
    {
        var p = Profile(key);
        Passes(One(StaffCheck.Worker(p, Untrained(Training("2024-05-01", 100), Training("2025-05-01", 20)), Check), StaffRule.Qualification));
        var failed = One(StaffCheck.Worker(p, Untrained(Training("2024-05-01", 100), Training("2025-05-01", 19.5m)), Check), StaffRule.Qualification);
        Fails(failed, Severity.Error);
        Assert.Contains("119.5小时", failed.Message);
        Assert.Contains("2021年3月2日至2026年3月1日", failed.Message);
    }

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    public void The_five_year_window_ends_on_the_check_date_and_opens_the_day_after_five_years_before(string key)
    {
        var p = Profile(key);
        // First day of the window: 2021-03-02 (2021-03-01 is the day the period is counted from, not counted itself).
        Passes(One(StaffCheck.Worker(p, Untrained(Training("2021-03-02", 60), Training("2025-01-01", 60)), Check), StaffRule.Qualification));
        // One day outside.
        Assert.False(One(StaffCheck.Worker(p, Untrained(Training("2021-03-01", 60), Training("2025-01-01", 60)), Check), StaffRule.Qualification).Passed);
        // Last day of the window: the check date itself.
        Passes(One(StaffCheck.Worker(p, Untrained(Training("2025-01-01", 60), Training("2026-03-01", 60)), Check), StaffRule.Qualification));
        // The day after the check date has not happened yet.
        Assert.False(One(StaffCheck.Worker(p, Untrained(Training("2025-01-01", 60), Training("2026-03-02", 60)), Check), StaffRule.Qualification).Passed);
    }

    [Fact]
    public void Only_social_work_professional_training_counts_towards_the_120_hours()
    {
        var w = Untrained(Training("2024-05-01", 100), Training("2025-05-01", 20, professional: false));
        Assert.False(One(StaffCheck.Worker(Profile("hainan-ledong"), w, Check), StaffRule.Qualification).Passed);
    }

    [Fact]
    public void Ledong_counts_a_certificate_only_once_registered_but_a_related_major_with_junior_college_qualifies()
    {
        var ledong = Profile("hainan-ledong");
        var unregistered = Worker(major: MajorCategory.Other, certificates: [Cert(CertificateKind.National, "2020-01-01", registered: false)]);
        var failed = One(StaffCheck.Worker(ledong, unregistered, Check), StaffRule.Qualification);
        Fails(failed, Severity.Error);
        Assert.Contains("未登记注册", failed.Message);

        var related = Worker(major: MajorCategory.Related, education: Education.JuniorCollege, certificates: []);
        Passes(One(StaffCheck.Worker(ledong, related, Check), StaffRule.Qualification));
        // Qiongzhong does not ask for registration.
        Passes(One(StaffCheck.Worker(Profile("hainan-qiongzhong"), unregistered, Check), StaffRule.Qualification));
    }

    [Fact]
    public void A_certificate_counts_from_the_day_it_is_obtained()
    {
        var qz = Profile("hainan-qiongzhong");
        var w = Worker(major: MajorCategory.Related, certificates: [Cert(CertificateKind.NationalAssistant, "2026-03-01")]);
        Passes(One(StaffCheck.Worker(qz, w, Day("2026-03-01")), StaffRule.Qualification));
        Assert.False(One(StaffCheck.Worker(qz, w, Day("2026-02-28")), StaffRule.Qualification).Passed);
    }

    [Fact]
    public void Qiongzhong_accepts_a_local_social_worker_certificate()
    {
        var w = Worker(major: MajorCategory.Related, certificates: [Cert(CertificateKind.LocalWorker, "2023-01-01", registered: false)]);
        Passes(One(StaffCheck.Worker(Profile("hainan-qiongzhong"), w, Check), StaffRule.Qualification));
        // Ledong names only the national certificates.
        Assert.False(One(StaffCheck.Worker(Profile("hainan-ledong"), w with { MajorCategory = MajorCategory.Other }, Check), StaffRule.Qualification).Passed);
    }

    [Fact]
    public void Wenzhou_needs_a_social_work_or_related_major_or_a_certificate()
    {
        var wz = Profile("wenzhou");
        Passes(One(StaffCheck.Worker(wz, Worker(major: MajorCategory.Related, education: Education.HighSchool, certificates: []), Check), StaffRule.Qualification));
        Passes(One(StaffCheck.Worker(wz, Worker(major: MajorCategory.Other, certificates: [Cert(CertificateKind.LocalWorker, "2023-01-01")]), Check), StaffRule.Qualification));
        var failed = One(StaffCheck.Worker(wz, Worker(major: MajorCategory.Other, certificates: []), Check), StaffRule.Qualification);
        Fails(failed, Severity.Error);
        Assert.Contains("①", failed.Message);
        Assert.Contains("②", failed.Message);
    }

    [Fact]
    public void Hunan_sets_no_qualification_alternatives()
    {
        Assert.DoesNotContain(StaffCheck.Worker(Profile("hunan"), Worker(major: MajorCategory.Other, certificates: []), Check), f => f.Rule == StaffRule.Qualification);
    }

    // ---- Ledong: a certificate within 2 years of the hire date ------------------------------------------

    private static Finding Deadline(string hire, string on, params CertificateFacts[] certs) =>
        One(StaffCheck.Worker(Profile("hainan-ledong"), Worker(hire: hire, major: MajorCategory.Related, certificates: certs), Day(on)), StaffRule.CertificateDeadline);

    [Fact]
    public void The_certificate_deadline_ends_on_the_second_anniversary_of_the_hire_date()
    {
        var last = Deadline("2024-03-01", "2026-03-01");
        Fails(last, Severity.Warning);
        Assert.Contains("2026年3月1日", last.Message);
        Assert.Contains("还剩0天", last.Message);
        var after = Deadline("2024-03-01", "2026-03-02");
        Fails(after, Severity.Error);
        Assert.Contains("届满", after.Message);
        Assert.False(string.IsNullOrEmpty(after.Interpretation));
    }

    [Fact]
    public void The_deadline_warns_from_six_months_before()
    {
        Fails(Deadline("2024-03-01", "2025-09-01"), Severity.Warning);
        Passes(Deadline("2024-03-01", "2025-08-31"));
    }

    [Fact]
    public void A_29_February_hire_date_has_its_deadline_on_28_February()
    {
        Fails(Deadline("2024-02-29", "2026-02-28"), Severity.Warning);
        Fails(Deadline("2024-02-29", "2026-03-01"), Severity.Error);
    }

    [Fact]
    public void A_certificate_obtained_in_time_meets_the_deadline_and_a_late_one_is_noted()
    {
        Passes(Deadline("2024-03-01", "2026-06-01", Cert(CertificateKind.NationalAssistant, "2026-03-01", registered: false)));
        var late = Deadline("2024-03-01", "2026-06-01", Cert(CertificateKind.NationalAssistant, "2026-03-02"));
        Passes(late);
        Assert.Contains("晚于", late.Message);
        // A local certificate is not the national one Ledong asks for.
        Fails(Deadline("2024-03-01", "2026-06-01", Cert(CertificateKind.LocalWorker, "2025-01-01")), Severity.Error);
    }

    [Theory]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void Only_Ledong_sets_a_certificate_deadline(string key)
    {
        Assert.DoesNotContain(StaffCheck.Worker(Profile(key), Worker(certificates: []), Check), f => f.Rule == StaffRule.CertificateDeadline);
    }

    // ---- the head's certificate ------------------------------------------------------------------------

    [Theory]
    [InlineData("hainan-ledong", CertificateKind.NationalAssistant, true)]
    [InlineData("hainan-ledong", CertificateKind.LocalWorker, false)]
    [InlineData("hainan-qiongzhong", CertificateKind.NationalAssistant, true)]
    [InlineData("hainan-qiongzhong", CertificateKind.LocalWorker, false)]
    [InlineData("shenmu", CertificateKind.NationalAssistant, false)]
    [InlineData("shenmu", CertificateKind.National, true)]
    [InlineData("shenmu", CertificateKind.NationalSenior, true)]
    public void The_head_holds_the_certificate_the_profile_names(string key, CertificateKind kind, bool ok)
    {
        var head = Worker(role: WorkerRole.Head, hire: "2020-01-01", certificates: [Cert(kind, "2019-01-01")]);
        var finding = One(StaffCheck.Worker(Profile(key), head, Check), StaffRule.HeadCertificate);
        Assert.Equal(ok, finding.Passed);
        if (!ok)
        {
            Fails(finding, Severity.Error);
        }
    }

    [Fact]
    public void A_head_without_any_certificate_fails()
    {
        Fails(One(StaffCheck.Worker(Profile("hainan-ledong"), Worker(role: WorkerRole.Head, major: MajorCategory.Related, certificates: []), Check), StaffRule.HeadCertificate), Severity.Error);
    }

    [Fact]
    public void Shenmu_head_needs_two_full_years_of_practice_on_the_day_checked()
    {
        var shenmu = Profile("shenmu");
        var head = Worker(role: WorkerRole.Head, hire: "2025-01-01", practice: "2024-03-01", certificates: [Cert(CertificateKind.National, "2023-01-01")]);
        Passes(One(StaffCheck.Worker(shenmu, head, Day("2026-03-01")), StaffRule.HeadCertificate));
        var failed = One(StaffCheck.Worker(shenmu, head, Day("2026-02-28")), StaffRule.HeadCertificate);
        Fails(failed, Severity.Error);
        Assert.Contains("不满2年", failed.Message);
        // Without a recorded practice start the hire date is used, and the message says so.
        var noStart = One(StaffCheck.Worker(shenmu, head with { PracticeStartedOn = null }, Day("2026-03-01")), StaffRule.HeadCertificate);
        Assert.False(noStart.Passed);
        Assert.Contains("按入职日期计", noStart.Message);
        // The county centre's lead is governed too; a village room's is not.
        Assert.True(One(StaffCheck.Worker(shenmu, head with { PlatformKind = PlatformKind.CountyCentre }, Day("2026-03-01")), StaffRule.HeadCertificate).Passed);
        Assert.DoesNotContain(StaffCheck.Worker(shenmu, head with { PlatformKind = PlatformKind.VillageRoom }, Day("2026-03-01")), f => f.Rule == StaffRule.HeadCertificate);
    }

    [Fact]
    public void Workers_who_are_not_heads_get_no_head_finding()
    {
        Assert.DoesNotContain(StaffCheck.Worker(Profile("hainan-ledong"), Worker(certificates: []), Check), f => f.Rule == StaffRule.HeadCertificate);
    }

    // ---- Shenmu art. 5: who counts as a social worker ---------------------------------------------------

    [Fact]
    public void Shenmu_counts_120_hours_since_2016_and_a_shortfall_is_only_a_warning()
    {
        var shenmu = Profile("shenmu");
        var since2016 = Untrained(Training("2016-01-01", 100), Training("2024-01-01", 20));
        Passes(One(StaffCheck.Worker(shenmu, since2016, Check), StaffRule.SocialWorker));

        var before2016 = Untrained(Training("2015-12-31", 100), Training("2024-01-01", 20));
        var failed = One(StaffCheck.Worker(shenmu, before2016, Check), StaffRule.SocialWorker);
        Fails(failed, Severity.Warning);
        Assert.Contains("不是招聘条件", failed.Message);

        // Non-professional training keeps the annual hours (art. 12) met but does not count towards the 120.
        var short_ = Untrained(Training("2016-01-01", 100), Training("2024-01-01", 19.5m), Training("2025-06-01", 30, professional: false));
        var findings = StaffCheck.Worker(shenmu, short_, Check);
        Assert.False(One(findings, StaffRule.SocialWorker).Passed);
        Assert.True(Findings.Compliant(findings));
    }

    [Fact]
    public void Shenmu_counts_a_related_major_at_junior_college_level()
    {
        Passes(One(StaffCheck.Worker(Profile("shenmu"), Worker(major: MajorCategory.Related, education: Education.JuniorCollege, certificates: []), Check), StaffRule.SocialWorker));
        Assert.False(One(StaffCheck.Worker(Profile("shenmu"), Worker(major: MajorCategory.Related, education: Education.HighSchool, certificates: []), Check), StaffRule.SocialWorker).Passed);
    }

    // ---- annual training hours (Shenmu 30, Wenzhou 40) ---------------------------------------------------

    [Theory]
    [InlineData("shenmu", 30)]
    [InlineData("wenzhou", 40)]
    public void Last_years_hours_at_the_minimum_pass_and_half_an_hour_less_fails(string key, int hours)
    {
        var p = Profile(key);
        var enough = Worker(hire: "2020-01-01", trainings: [Training("2025-03-01", hours - 10), Training("2025-12-31", 10, professional: false)]);
        Passes(One(StaffCheck.Worker(p, enough, Check), StaffRule.AnnualTraining));
        var shortOf = Worker(hire: "2020-01-01", trainings: [Training("2025-01-01", hours - 10.5m), Training("2025-12-31", 10), Training("2026-01-01", 5)]);
        var failed = One(StaffCheck.Worker(p, shortOf, Check), StaffRule.AnnualTraining);
        Fails(failed, Severity.Error);
        Assert.Contains($"2025年培训{hours - 0.5m}学时", failed.Message);
    }

    [Fact]
    public void A_year_of_partial_employment_is_pro_rated_by_days_employed()
    {
        // Hired 2024-07-02: 183 of 366 days in 2024, so 40 × 183 / 366 = 20 hours.
        var wz = Profile("wenzhou");
        Passes(One(StaffCheck.Worker(wz, Worker(hire: "2024-07-02", trainings: [Training("2024-10-01", 20)]), Day("2025-03-01")), StaffRule.AnnualTraining));
        var failed = One(StaffCheck.Worker(wz, Worker(hire: "2024-07-02", trainings: [Training("2024-10-01", 19.5m)]), Day("2025-03-01")), StaffRule.AnnualTraining);
        Fails(failed, Severity.Error);
        Assert.Contains("在岗183天", failed.Message);
    }

    [Fact]
    public void This_years_pace_warns_only_when_behind_the_share_of_the_year_gone()
    {
        // 1 July 2024 is day 183 of 366: Wenzhou's 40 hours × 183 / 366 = 20 hours expected by then.
        var wz = Profile("wenzhou");
        var onPace = One(StaffCheck.Worker(wz, Worker(hire: "2020-01-01", trainings: [Training("2024-07-01", 20), Training("2024-07-02", 5)]), Day("2024-07-01")), StaffRule.AnnualTrainingPace);
        Passes(onPace);
        Assert.Equal(Severity.Warning, onPace.Severity);
        var behind = One(StaffCheck.Worker(wz, Worker(hire: "2020-01-01", trainings: [Training("2024-07-01", 19.5m)]), Day("2024-07-01")), StaffRule.AnnualTrainingPace);
        Fails(behind, Severity.Warning);
        Assert.Contains("还差20.5学时", behind.Message);

        // Shenmu's 30: 14 March 2026 is day 73 of 365, 30 × 73 / 365 = 6.
        var shenmu = Profile("shenmu");
        Passes(One(StaffCheck.Worker(shenmu, Worker(hire: "2020-01-01", trainings: [Training("2026-01-05", 6)]), Day("2026-03-14")), StaffRule.AnnualTrainingPace));
        Fails(One(StaffCheck.Worker(shenmu, Worker(hire: "2020-01-01", trainings: [Training("2026-01-05", 5.5m)]), Day("2026-03-14")), StaffRule.AnnualTrainingPace), Severity.Warning);
    }

    [Fact]
    public void The_year_ends_at_the_end_of_31_December()
    {
        var wz = Profile("wenzhou");
        var w = Worker(hire: "2020-01-01", trainings: [Training("2025-06-01", 39.5m)]);
        // On 31 December the year is not over: a warning.
        Fails(One(StaffCheck.Worker(wz, w, Day("2025-12-31")), StaffRule.AnnualTrainingPace), Severity.Warning);
        Assert.Contains("2024年", One(StaffCheck.Worker(wz, w, Day("2025-12-31")), StaffRule.AnnualTraining).Message);
        // The next day it is an error for 2025.
        Fails(One(StaffCheck.Worker(wz, w, Day("2026-01-01")), StaffRule.AnnualTraining), Severity.Error);
    }

    [Fact]
    public void Annual_training_applies_where_the_profile_says()
    {
        var room = Worker(hire: "2020-01-01", kind: PlatformKind.VillageRoom);
        Assert.Contains(StaffCheck.Worker(Profile("shenmu"), room, Check), f => f.Rule == StaffRule.AnnualTraining);
        Assert.DoesNotContain(StaffCheck.Worker(Profile("wenzhou"), room, Check), f => f.Rule == StaffRule.AnnualTraining);
        Assert.DoesNotContain(StaffCheck.Worker(Profile("hainan-ledong"), Worker(hire: "2020-01-01"), Check), f => f.Rule is StaffRule.AnnualTraining or StaffRule.AnnualTrainingPace);
    }

    // ---- employment ------------------------------------------------------------------------------------

    [Fact]
    public void A_worker_who_has_left_is_checked_only_on_hiring_conditions()
    {
        var w = Worker(hire: "2020-01-01", left: "2026-03-01", certificates: [], major: MajorCategory.Other);
        var findings = StaffCheck.Worker(Profile("hainan-ledong"), w, Check);
        var employment = One(findings, StaffRule.Employment);
        Assert.False(employment.Passed);
        Assert.Equal(Severity.Warning, employment.Severity);
        Assert.Contains(findings, f => f.Rule == StaffRule.Age);
        Assert.DoesNotContain(findings, f => f.Rule is StaffRule.Qualification or StaffRule.CertificateDeadline);
        // The day before leaving the worker is still at work.
        Assert.DoesNotContain(StaffCheck.Worker(Profile("hainan-ledong"), w, Day("2026-02-28")), f => f.Rule == StaffRule.Employment);
    }

    // ---- hiring check ----------------------------------------------------------------------------------

    [Fact]
    public void A_hiring_check_judges_the_candidate_on_the_planned_hire_date_and_ranks_with_hints()
    {
        var candidate = Worker(hire: "2026-04-01", birth: "1980-04-01", major: MajorCategory.Related, education: Education.JuniorCollege, certificates: []) with { LocalHukou = true };
        var result = StaffCheck.Hiring(Profile("hainan-ledong"), candidate);
        Fails(One(result.Findings, StaffRule.Age), Severity.Error);
        Assert.False(result.Compliant);
        Passes(One(result.Findings, StaffRule.Qualification));
        Assert.Contains("2028年4月1日", One(result.Findings, StaffRule.CertificateDeadline).Message);
        Assert.DoesNotContain(result.Findings, f => f.Rule == StaffRule.Employment);

        Assert.Equal(3, result.Hints.Count);
        Assert.True(result.Hints.Single(h => h.Priority == HiringPriority.LocalHukou).Met);
        Assert.False(result.Hints.Single(h => h.Priority == HiringPriority.ProvincialFreshGraduate).Met);
        Assert.Contains("不影响录用资格", result.Hints.Single(h => h.Priority == HiringPriority.ProvincialFreshGraduate).Message);

        var ok = StaffCheck.Hiring(Profile("hainan-ledong"), candidate with { BirthDate = Day("1980-04-02") });
        Assert.True(ok.Compliant);
    }

    [Fact]
    public void Hunan_prefers_a_social_work_qualification_and_local_hukou()
    {
        var result = StaffCheck.Hiring(Profile("hunan"), Worker(hire: "2026-04-01", major: MajorCategory.Other, certificates: []));
        Assert.Equal([HiringPriority.SocialWorkQualification, HiringPriority.LocalHukou], result.Hints.Select(h => h.Priority));
        Assert.All(result.Hints, h => Assert.False(h.Met));
        Assert.True(result.Compliant);
    }
}
