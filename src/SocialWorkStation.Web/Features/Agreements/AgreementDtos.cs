using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <param name="StationIds">The stations the cycle covers: inside the county and inside the caller's scope.</param>
/// <param name="BuyerName">Default: the county bureau's organisation name.</param>
public sealed record CycleInput(string? CountyCode, string? ProfileKey, string? BuyerName, Guid? ContractorId, string? StartDate, List<Guid>? StationIds);

/// <param name="YearNumber">1..the cycle's years; default the next year of the cycle.</param>
/// <param name="TermStart">Computed from signedOn under a profile whose term is one year from signing (Qiongzhong).</param>
/// <param name="Clauses">Keys of the profile's required clauses the agreement contains (GET /api/v1/profiles/{key} lists them).</param>
/// <param name="Version">Required on PUT: the version read (409 when stale).</param>
public sealed record AgreementInput(int? YearNumber, string? SignedOn, string? TermStart, string? TermEnd, decimal? Amount, List<string>? Clauses,
    string? FiledOn, string? WorkersPlacedOn, int? Version);

public sealed record CycleStationDto(Guid Id, string Name, string RegionCode);

public sealed record AgreementSummaryDto(Guid Id, int YearNumber, string SignedOn, string TermStart, string TermEnd, decimal Amount, int MissingClauses, int OverdueSteps);

public sealed record ProgrammeCycleDto(Guid Id, string CountyCode, string ProfileKey, string ProfileName, string BuyerName, Guid ContractorId, string ContractorName,
    string StartDate, int Years, string YearsSource, string? YearsInterpretation, IReadOnlyList<CycleStationDto> Stations, IReadOnlyList<AgreementSummaryDto> Agreements, int Version);

/// <summary>A required clause and whether the agreement contains it; a missing one is a flag naming the clause, not a refusal.</summary>
public sealed record ClauseDto(string Key, string Name, bool Contained, string Source);

/// <summary>A step the signing starts: its last day (inside), when it was done, whether it is done late or overdue today.</summary>
public sealed record DeadlineDto(string Key, string Name, string DueOn, string? DoneOn, bool Done, bool Late, bool Overdue, string Source, string Rule, string? Note);

public sealed record AgreementDto(Guid Id, Guid CycleId, int YearNumber, int CycleYears, string CountyCode, string ProfileKey, string BuyerName, Guid ContractorId, string ContractorName,
    string SignedOn, string TermStart, string TermEnd, decimal Amount, IReadOnlyList<string> Clauses, IReadOnlyList<ClauseDto> RequiredClauses,
    IReadOnlyList<string> Flags, string? FiledOn, string? WorkersPlacedOn, IReadOnlyList<DeadlineDto> Deadlines, string AsOf, int Version);

/// <summary>Which cycles and agreements a caller reaches, and how rows become answers.</summary>
public static class AgreementAccess
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>The cycles the caller may read: scope first, then a contractor manager only its own organisation's (404 for the rest).</summary>
    public static async Task<IQueryable<ProgrammeCycle>> Cycles(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var q = db.Set<ProgrammeCycle>().VisibleTo(user.Scope());
        if (user.IsInRole(Roles.ContractorManager) && !user.IsInRole(Roles.BureauOfficer) && !user.IsInRole(Roles.TownshipOfficer))
        {
            var name = user.Identity?.Name;
            var org = await db.Users.Where(u => u.UserName == name).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
            q = org is { } id ? q.Where(c => c.ContractorId == id) : q.Where(c => false);
        }
        return q;
    }

    /// <summary>
    /// The owner rule of the signed agreement's files (attachment owner type <c>agreement</c>, agreements.md §6): the
    /// agreement is visible by its cycle's county (bureau, township of a covered station) and, for an account working for a
    /// contractor, only when the cycle is its organisation's. The file's station is the cycle's first station (an attachment
    /// row names one); a cycle covering no station cannot carry files (404).
    /// </summary>
    public static Task<Guid?> VisibleStation(AppDbContext db, UserScope scope, Guid agreementId, CancellationToken ct)
    {
        if (!scope.ServiceRecords)
        {
            return Task.FromResult<Guid?>(null);
        }
        var cycles = db.Set<ProgrammeCycle>().VisibleTo(scope);
        if (scope.ContractorOrganisationId is { } org)
        {
            cycles = cycles.Where(c => c.ContractorId == org);
        }
        return db.Set<Agreement>().AsNoTracking().Where(a => a.Id == agreementId && cycles.Any(c => c.Id == a.CycleId))
            .SelectMany(a => db.Set<ProgrammeCycleStation>().Where(s => s.CycleId == a.CycleId).OrderBy(s => s.StationId).Select(s => (Guid?)s.StationId))
            .FirstOrDefaultAsync(ct);
    }

    public static async Task<ProgrammeCycle> LoadCycle(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = (await Cycles(db, user, ct)).Include(c => c.Contractor).Include(c => c.Stations).ThenInclude(s => s.Station).Include(c => c.Agreements).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("项目周期不存在或不在您的权限范围内");
    }

    public static async Task<Agreement> LoadAgreement(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracking = false)
    {
        var cycles = await Cycles(db, user, ct);
        var q = db.Set<Agreement>().Where(a => cycles.Any(c => c.Id == a.CycleId)).Include(a => a.Cycle).ThenInclude(c => c!.Contractor).AsQueryable();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("协议不存在或不在您的权限范围内");
    }

    public static ProgrammeCycleDto ToDto(ProgrammeCycle c, PolicyProfile profile, DateOnly today)
    {
        var rules = profile.Agreements ?? AgreementDefaults.For(profile);
        return new ProgrammeCycleDto(c.Id, c.CountyCode, c.ProfileKey, profile.Name, c.BuyerName, c.ContractorId, c.Contractor?.Name ?? "", D(c.StartDate), c.Years,
            $"{profile.ShortName} {rules.CycleYears.Source}", rules.CycleYears.Interpretation,
            c.Stations.Select(s => new CycleStationDto(s.StationId, s.Station?.Name ?? "", s.Station?.RegionCode ?? "")).OrderBy(s => s.RegionCode).ThenBy(s => s.Name).ToList(),
            c.Agreements.OrderBy(a => a.YearNumber).Select(a =>
            {
                var full = ToDto(a, c, profile, today);
                return new AgreementSummaryDto(a.Id, a.YearNumber, D(a.SignedOn), D(a.TermStart), D(a.TermEnd), a.Amount,
                    full.RequiredClauses.Count(x => !x.Contained), full.Deadlines.Count(x => x.Overdue));
            }).ToList(),
            c.Version);
    }

    public static AgreementDto ToDto(Agreement a, ProgrammeCycle c, PolicyProfile profile, DateOnly today)
    {
        var rules = profile.Agreements;
        var ticked = a.ClauseKeys.ToHashSet(StringComparer.Ordinal);
        var required = rules?.RequiredClauses is { } rc
            ? rc.Value.Select(x => new ClauseDto(x.Key, x.Name, ticked.Contains(x.Key), $"{profile.ShortName} {rc.Source}")).ToList()
            : [];
        var flags = ProgrammeCycleRules.Missing(rules, ticked)
            .Select(x => $"协议缺少“{x.Name}”（{profile.ShortName} {rules!.RequiredClauses!.Source}）").ToList();
        var deadlines = AgreementDeadlines.For(rules, profile.ShortName, a.SignedOn, WorkingCalendar.China).Select(d =>
        {
            var done = d.Key == AgreementDeadlines.Filing ? a.FiledOn : a.WorkersPlacedOn;
            var state = AgreementDeadlines.State(d.DueOn, done, today);
            return new DeadlineDto(d.Key, d.Name, D(d.DueOn), done is { } x ? D(x) : null, state.Done, state.Late, state.Overdue, d.Source, d.Rule,
                d.Estimated ? WorkingCalendar.China.OnOrNextWorkingDay(d.DueOn).Note : null);
        }).ToList();
        foreach (var d in deadlines.Where(d => d.Overdue))
        {
            flags.Add($"“{d.Name}”已逾期（期限 {d.DueOn}，{d.Source}）");
        }
        return new AgreementDto(a.Id, c.Id, a.YearNumber, c.Years, c.CountyCode, c.ProfileKey, c.BuyerName, c.ContractorId, c.Contractor?.Name ?? "",
            D(a.SignedOn), D(a.TermStart), D(a.TermEnd), a.Amount, a.ClauseKeys, required, flags,
            a.FiledOn is { } f ? D(f) : null, a.WorkersPlacedOn is { } w ? D(w) : null, deadlines, D(today), a.Version);
    }

    public static PolicyProfile Profile(ProfileCatalog profiles, string key) =>
        profiles.Find(key) ?? throw new BusinessRuleException("项目周期的政策方案已不存在", "profileKey");
}

/// <summary>The platform's default when a profile holds no agreement rules: a one-year cycle, stated as such.</summary>
public static class AgreementDefaults
{
    public static AgreementRules For(PolicyProfile profile) => new()
    {
        CycleYears = new Domain.Common.Sourced<int>(1, "平台默认（文件未规定项目周期）", "文件未规定周期长度，平台默认每个项目周期1年、签一份协议。"),
    };
}

/// <summary>Whether an organisation may be a contractor under a profile: 422 naming the clause when it may not (Ledong 一、（三）).</summary>
public static class ContractorRuleCheck
{
    public static async Task Ensure(AppDbContext db, PolicyProfile profile, Guid contractorId, string field, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == contractorId)
            .Select(o => new { o.LegalForm, o.RegisteringAuthority }).FirstOrDefaultAsync(ct);
        if (org is not null && ContractorEligibility.Problem(profile.Agreements, profile.ShortName, org.LegalForm, org.RegisteringAuthority) is { } problem)
        {
            throw new BusinessRuleException(problem, field);
        }
    }
}
