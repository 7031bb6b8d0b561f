using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>
/// A county's annual implementation plan (年度实施计划, Hunan 七、（一）, docs/requirements/agreements.md §13): the profile's sections
/// as text, the contractor's staff recruitment plan (Hunan 三、（三）) filed with it, drafted by the county bureau and filed with
/// the city (备案), after which it is locked.
/// </summary>
public sealed class ImplementationPlan : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public int Year { get; set; }
    public string ProfileKey { get; set; } = "";
    /// <summary>The sections' texts by the profile's keys, as JSON.</summary>
    public string Sections { get; set; } = "{}";
    /// <summary>The contractor whose recruitment plan is filed with it (optional until filing).</summary>
    public Guid? ContractorId { get; set; }
    public Organisation? Contractor { get; set; }
    /// <summary>The recruitment plan's posts (post, number, qualifications), as JSON.</summary>
    public string RecruitmentPosts { get; set; } = "[]";
    /// <summary>The recruitment timetable (招聘时间安排) as text.</summary>
    public string? RecruitmentTimetable { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    /// <summary>The region the plan is filed with (the county's city).</summary>
    public string FiledWithCode { get; set; } = "";
    public DateOnly? FiledOn { get; set; }
    public string? FiledBy { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class ImplementationPlanConfiguration : IEntityTypeConfiguration<ImplementationPlan>
{
    public void Configure(EntityTypeBuilder<ImplementationPlan> b)
    {
        b.Property(p => p.CountyCode).HasMaxLength(6).IsRequired();
        b.Property(p => p.ProfileKey).HasMaxLength(50).IsRequired();
        b.Property(p => p.Sections).IsRequired();
        b.Property(p => p.RecruitmentPosts).IsRequired();
        b.Property(p => p.RecruitmentTimetable).HasMaxLength(2000);
        b.Property(p => p.FiledWithCode).HasMaxLength(6).IsRequired();
        b.Property(p => p.FiledBy).HasMaxLength(100);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.CountyCode, p.Year }).IsUnique();
        b.HasOne(p => p.Contractor).WithMany().HasForeignKey(p => p.ContractorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record PlanSectionDto(string Key, string Name, string Text);
public sealed record RecruitmentPostDto(string Post, int Number, string Qualifications);

public sealed record ImplementationPlanDto(Guid Id, string CountyCode, string CountyName, int Year, string ProfileKey, string Status, string StatusName,
    IReadOnlyList<PlanSectionDto> Sections, string SectionsSource, IReadOnlyList<string> MissingSections,
    Guid? ContractorId, string? ContractorName, IReadOnlyList<RecruitmentPostDto> RecruitmentPosts, string? RecruitmentTimetable, string RecruitmentSource,
    string FiledWithCode, string? FiledWithName, string? FiledOn, string? FiledBy, string? DueOn, string DueRule, string CreatedBy, int Version);

public sealed record PlanSectionInput(string? Key, string? Text);
public sealed record RecruitmentPostInput(string? Post, int? Number, string? Qualifications);

/// <summary>Create (countyCode, year, profileKey) or edit (version) a plan; sections and the recruitment plan may come with either.</summary>
public sealed record ImplementationPlanInput(string? CountyCode, int? Year, string? ProfileKey, List<PlanSectionInput>? Sections, Guid? ContractorId,
    List<RecruitmentPostInput>? RecruitmentPosts, string? RecruitmentTimetable, int? Version);

/// <summary>File the plan with the city: the day (default today, China time; not in the future) and the version read.</summary>
public sealed record PlanFilingInput(string? FiledOn, int? Version);

/// <summary>The use cases of annual implementation plans (docs/requirements/agreements.md §13).</summary>
public static class ImplementationPlans
{
    public const string OwnerType = "implementationPlan";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// What a caller reads: the county bureau (a region scope containing the county, at county level) its plans in any state;
    /// the levels above (city, province) only filed ones (备案); nothing for anyone else.
    /// </summary>
    public static IQueryable<ImplementationPlan> VisibleTo(this IQueryable<ImplementationPlan> q, UserScope s)
    {
        if (s.Kind != ScopeKind.Region || s.RegionPrefix is not { } prefix || s.Level is not { } level)
        {
            return q.Where(p => false);
        }
        return level switch
        {
            RegionLevel.County => q.Where(p => p.CountyCode == prefix),
            RegionLevel.City or RegionLevel.Province => q.Where(p => p.CountyCode.StartsWith(prefix) && p.Status == PlanStatus.Filed),
            _ => q.Where(p => false),
        };
    }

    /// <summary>Writing is the county bureau's own (七、（一）: 县级民政部门制定): a scope of exactly that county.</summary>
    private static void CountyOwn(ClaimsPrincipal user, string countyCode)
    {
        var s = user.Scope();
        if (s.Kind != ScopeKind.Region || s.Level != RegionLevel.County || s.RegionCode != countyCode)
        {
            throw new BusinessRuleException("年度实施计划由县级民政部门制定（湖南方案 七、（一））：只有该县（市、区）民政局的账号可以编制、修改和报备", "countyCode");
        }
    }

    private static Sourced Rules(ProfileCatalog profiles, string key, string field = "profileKey")
    {
        var profile = profiles.Find(key) ?? throw RequestValidationException.For(field, "政策方案不存在");
        var sections = profile.Agreements?.ImplementationPlanSections
            ?? throw new BusinessRuleException($"{profile.ShortName}未要求县级年度实施计划（仅湖南方案 七、（一）有此要求）", field);
        return new Sourced(profile, sections.Value, sections.Source, profile.Agreements.RecruitmentPlan?.Source ?? "");
    }

    private sealed record Sourced(Domain.Profiles.PolicyProfile Profile, RequiredClause[] Sections, string Source, string RecruitmentSource);

    public static async Task<IReadOnlyList<ImplementationPlanDto>> List(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, string? countyCode, int? year, CancellationToken ct)
    {
        var q = db.Set<ImplementationPlan>().AsNoTracking().VisibleTo(user.Scope());
        if (countyCode is { Length: > 0 }) q = q.Where(p => p.CountyCode == countyCode);
        if (year is { } y) q = q.Where(p => p.Year == y);
        var rows = await q.Include(p => p.Contractor).OrderByDescending(p => p.Year).ThenBy(p => p.CountyCode).Take(500).ToListAsync(ct);
        return await ToDtos(db, profiles, rows, ct);
    }

    public static async Task<ImplementationPlanDto> Get(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        (await ToDtos(db, profiles, [await Load(db, user, id, ct, tracking: false)], ct))[0];

    private static async Task<ImplementationPlan> Load(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = db.Set<ImplementationPlan>().VisibleTo(user.Scope()).Include(p => p.Contractor);
        return await (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("年度实施计划不存在或不在您的权限范围内");
    }

    public static async Task<ImplementationPlanDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, ImplementationPlanInput input, CancellationToken ct)
    {
        var errors = new Errors().Required("countyCode", input.CountyCode, "县（市、区）").Required("profileKey", input.ProfileKey, "政策方案");
        if (input.Year is null)
        {
            errors.Add("year", "请填写年度");
        }
        else if (!ImplementationPlanRules.YearInRange(input.Year.Value, ChinaTime.Today(clock).Year))
        {
            errors.Add("year", "年度应在2018年至明年之间");
        }
        if (input.CountyCode is { Length: > 0 } code && (RegionScope.LevelOf(code) != RegionLevel.County || !await db.Regions.AnyAsync(r => r.Code == code, ct)))
        {
            errors.Add("countyCode", "请填写县（市、区）的6位行政区划代码");
        }
        errors.ThrowIfAny();
        var rules = Rules(profiles, input.ProfileKey!);
        CountyOwn(user, input.CountyCode!);
        var plan = new ImplementationPlan
        {
            CountyCode = input.CountyCode!, Year = input.Year!.Value, ProfileKey = rules.Profile.Key, FiledWithCode = ImplementationPlanRules.FiledWith(input.CountyCode!),
            CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await Apply(db, rules, plan, input, ct);
        if (await db.Set<ImplementationPlan>().AnyAsync(p => p.CountyCode == plan.CountyCode && p.Year == plan.Year, ct))
        {
            throw new ConflictException($"该县{plan.Year}年度的实施计划已存在");
        }
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, user, plan.Id, ct);
    }

    public static async Task<ImplementationPlanDto> Update(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, ImplementationPlanInput input, CancellationToken ct)
    {
        var plan = await Load(db, user, id, ct);
        CountyOwn(user, plan.CountyCode);
        Versions.Check(db, plan, input.Version, "年度实施计划");
        if (plan.Status == PlanStatus.Filed)
        {
            throw new ConflictException($"该年度实施计划已于{plan.FiledOn:yyyy-MM-dd}报备，已锁定，不能再修改");
        }
        await Apply(db, Rules(profiles, plan.ProfileKey), plan, input, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, user, plan.Id, ct);
    }

    /// <summary>Files the plan with the city (备案): every section written, the recruitment plan's contractor and posts present; then locked.</summary>
    public static async Task<ImplementationPlanDto> File(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, PlanFilingInput input, CancellationToken ct)
    {
        var plan = await Load(db, user, id, ct);
        CountyOwn(user, plan.CountyCode);
        var errors = new Errors();
        var day = StationRecords.ParseDate(errors, "filedOn", input.FiledOn, "报备日期", required: false) ?? ChinaTime.Today(clock);
        if (day > ChinaTime.Today(clock))
        {
            errors.Add("filedOn", "报备日期不能晚于今天");
        }
        errors.ThrowIfAny();
        Versions.Check(db, plan, input.Version, "年度实施计划");
        if (plan.Status == PlanStatus.Filed)
        {
            throw new ConflictException($"该年度实施计划已于{plan.FiledOn:yyyy-MM-dd}报备");
        }
        var rules = Rules(profiles, plan.ProfileKey);
        var missing = ImplementationPlanRules.Missing(rules.Sections, Texts(plan));
        if (missing.Count > 0)
        {
            throw new BusinessRuleException($"年度实施计划应包含{string.Join("、", missing.Select(m => m.Name))}（{rules.Profile.ShortName} {rules.Source}），请补全后再报备", "sections");
        }
        if (plan.ContractorId is null || Posts(plan).Count == 0)
        {
            throw new BusinessRuleException($"请先填写承接机构的人员招聘方案（岗位、人数、资格条件、时间安排），与年度实施计划一并报备（{rules.Profile.ShortName} {rules.RecruitmentSource}）", "recruitmentPosts");
        }
        plan.Status = PlanStatus.Filed;
        plan.FiledOn = day;
        plan.FiledBy = user.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, user, plan.Id, ct);
    }

    private static async Task Apply(AppDbContext db, Sourced rules, ImplementationPlan plan, ImplementationPlanInput input, CancellationToken ct)
    {
        var errors = new Errors().MaxLength("recruitmentTimetable", input.RecruitmentTimetable, 2000, "招聘时间安排");
        if (input.Sections is { } sections)
        {
            var texts = new Dictionary<string, string>(Texts(plan), StringComparer.Ordinal);
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                if (s is null || s.Key is null || !rules.Sections.Any(x => x.Key == s.Key))
                {
                    errors.Add($"sections[{i}].key", "部分应为：" + string.Join("、", rules.Sections.Select(x => $"{x.Key}（{x.Name}）")));
                }
                else if (s.Text is { Length: > 10000 })
                {
                    errors.Add($"sections[{i}].text", "每部分不超过10000字");
                }
                else
                {
                    texts[s.Key] = s.Text?.Trim() ?? "";
                }
            }
            plan.Sections = JsonSerializer.Serialize(texts, Json);
        }
        if (input.RecruitmentPosts is { } posts)
        {
            var list = new List<RecruitmentPost>();
            for (var i = 0; i < posts.Count; i++)
            {
                var p = posts[i];
                if (p is null || string.IsNullOrWhiteSpace(p.Post)) { errors.Add($"recruitmentPosts[{i}].post", "请填写岗位"); continue; }
                if (p.Post.Length > 100) errors.Add($"recruitmentPosts[{i}].post", "岗位不超过100字");
                if (p.Number is not (>= 1 and <= 1000)) errors.Add($"recruitmentPosts[{i}].number", "人数应在1到1000之间");
                if (p.Qualifications is { Length: > 1000 }) errors.Add($"recruitmentPosts[{i}].qualifications", "资格条件不超过1000字");
                list.Add(new RecruitmentPost(p.Post.Trim(), p.Number ?? 0, p.Qualifications?.Trim() ?? ""));
            }
            plan.RecruitmentPosts = JsonSerializer.Serialize(list, Json);
        }
        if (input.ContractorId is { } contractor)
        {
            if (!await db.Organisations.AnyAsync(o => o.Id == contractor && o.Kind == OrganisationKind.Contractor, ct))
            {
                errors.Add("contractorId", "承接机构不存在");
            }
            plan.ContractorId = contractor;
        }
        if (input.RecruitmentTimetable is not null)
        {
            plan.RecruitmentTimetable = string.IsNullOrWhiteSpace(input.RecruitmentTimetable) ? null : input.RecruitmentTimetable.Trim();
        }
        errors.ThrowIfAny();
    }

    public static IReadOnlyDictionary<string, string> Texts(ImplementationPlan p) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(p.Sections, Json) ?? [];

    public static IReadOnlyList<RecruitmentPost> Posts(ImplementationPlan p) =>
        JsonSerializer.Deserialize<List<RecruitmentPost>>(p.RecruitmentPosts, Json) ?? [];

    private static async Task<IReadOnlyList<ImplementationPlanDto>> ToDtos(AppDbContext db, ProfileCatalog profiles, IReadOnlyList<ImplementationPlan> plans, CancellationToken ct)
    {
        var codes = plans.SelectMany(p => new[] { p.CountyCode, p.FiledWithCode }).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return plans.Select(p =>
        {
            var profile = profiles.Find(p.ProfileKey);
            var rules = profile?.Agreements?.ImplementationPlanSections;
            var sections = rules?.Value ?? [];
            var texts = Texts(p);
            return new ImplementationPlanDto(p.Id, p.CountyCode, names.GetValueOrDefault(p.CountyCode, p.CountyCode), p.Year, p.ProfileKey,
                p.Status == PlanStatus.Filed ? "filed" : "draft", ImplementationPlanRules.Chinese(p.Status),
                sections.Select(s => new PlanSectionDto(s.Key, s.Name, texts.GetValueOrDefault(s.Key, ""))).ToList(),
                $"{profile?.ShortName} {rules?.Source}", ImplementationPlanRules.Missing(sections, texts).Select(m => m.Name).ToList(),
                p.ContractorId, p.Contractor?.Name, Posts(p).Select(x => new RecruitmentPostDto(x.Post, x.Number, x.Qualifications)).ToList(), p.RecruitmentTimetable,
                $"{profile?.ShortName} {profile?.Agreements?.RecruitmentPlan?.Source}",
                p.FiledWithCode, names.GetValueOrDefault(p.FiledWithCode), p.FiledOn is { } f ? AgreementAccess.D(f) : null, p.FiledBy,
                null, "文件未规定报备期限（湖南方案 七、（一）只要求报上级民政部门备案），平台不设截止日", p.CreatedBy, p.Version);
        }).ToList();
    }

    /// <summary>
    /// The owner rule of a plan's files (attachment owner type <c>implementationPlan</c>): visible as the plan is; the file row
    /// names the county's first station (the attachments table requires one), so a county with no station cannot attach files yet.
    /// </summary>
    public static async Task<Guid?> VisibleStation(AppDbContext db, UserScope scope, Guid planId, CancellationToken ct)
    {
        var county = await db.Set<ImplementationPlan>().AsNoTracking().VisibleTo(scope).Where(p => p.Id == planId).Select(p => p.CountyCode).FirstOrDefaultAsync(ct);
        if (county is null)
        {
            return null;
        }
        return await db.Platforms.AsNoTracking().Where(s => s.RegionCode.StartsWith(county)).OrderBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
    }
}
