using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Organisations;

public enum OrganisationKind { Bureau = 1, TownshipGovernment = 2, Contractor = 3, Evaluator = 4, Partner = 5 }

/// <summary>A unit that takes part: bureau, township government, contractor, evaluator, partner (docs/requirements/domain.md §2).</summary>
public sealed class Organisation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }
    /// <summary>The region the organisation belongs to (a bureau's county, a township government's township).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Unified social credit code (统一社会信用代码), when known.</summary>
    public string? CreditCode { get; set; }
    /// <summary>A contractor's legal form (社会服务机构/社会团体/基金会/企业/其他), when recorded.</summary>
    public LegalForm? LegalForm { get; set; }
    /// <summary>The authority it is registered with (民政部门/市场监管部门/其他), when recorded.</summary>
    public RegisteringAuthority? RegisteringAuthority { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    public int Version { get; set; } = 1;

    public static string KindChinese(OrganisationKind k) => k switch
    {
        OrganisationKind.Bureau => "民政局",
        OrganisationKind.TownshipGovernment => "乡镇政府/街道办",
        OrganisationKind.Contractor => "承接机构",
        OrganisationKind.Evaluator => "第三方评估机构",
        OrganisationKind.Partner => "合作方",
        _ => "",
    };
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(100).IsRequired();
        b.Property(o => o.Kind).HasConversion<int>();
        b.Property(o => o.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(o => o.CreditCode).HasMaxLength(18);
        b.Property(o => o.LegalForm).HasConversion<int?>();
        b.Property(o => o.RegisteringAuthority).HasConversion<int?>();
        b.Property(o => o.Contact).HasMaxLength(50);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.RegionCode);
    }
}

/// <param name="LegalForm">socialServiceOrganisation, socialGroup, foundation, enterprise or other (null: not recorded).</param>
/// <param name="RegisteringAuthority">civilAffairs, marketRegulation or other (null: not recorded).</param>
public sealed record OrganisationDto(Guid Id, string Name, string Kind, string RegionCode, string? CreditCode, string? Contact, string? Phone, int Version,
    string? LegalForm = null, string? RegisteringAuthority = null);

public sealed record OrganisationInput(string? Name, string? Kind, string? RegionCode, string? CreditCode, string? Contact, string? Phone,
    string? LegalForm = null, string? RegisteringAuthority = null);

/// <summary>Organisations: listed within the caller's region scope; created by administrators and bureaus.</summary>
public static class OrganisationUseCases
{
    public static IQueryable<Organisation> VisibleTo(this IQueryable<Organisation> q, UserScope s) => s.Kind switch
    {
        ScopeKind.Platform => q,
        ScopeKind.Region => q.Where(o => o.RegionCode.StartsWith(s.RegionPrefix!)),
        _ => q.Where(o => false),
    };

    public static OrganisationDto ToDto(Organisation o) =>
        new(o.Id, o.Name, JsonNames.Camel(o.Kind.ToString()), o.RegionCode, o.CreditCode, o.Contact, o.Phone, o.Version,
            o.LegalForm is { } f ? JsonNames.Camel(f.ToString()) : null, o.RegisteringAuthority is { } a ? JsonNames.Camel(a.ToString()) : null);

    public static async Task<Paged<OrganisationDto>> List(AppDbContext db, UserScope scope, string? kind, PageRequest page, CancellationToken ct)
    {
        var q = db.Organisations.AsNoTracking().VisibleTo(scope);
        if (kind is not null)
        {
            if (!Enum.TryParse<OrganisationKind>(kind, true, out var k))
            {
                throw RequestValidationException.For("kind", "单位类型不正确");
            }
            q = q.Where(o => o.Kind == k);
        }
        var result = await q.OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToPageAsync(page, ct);
        return new Paged<OrganisationDto>(result.Items.Select(ToDto).ToList(), result.Total, result.Page, result.PageSize);
    }

    public static async Task<OrganisationDto> Create(AppDbContext db, UserScope scope, OrganisationInput input, CancellationToken ct)
    {
        var errors = new Errors()
            .Required("name", input.Name, "单位名称")
            .MaxLength("name", input.Name, 100, "单位名称")
            .Required("regionCode", input.RegionCode, "所在区划")
            .MaxLength("creditCode", input.CreditCode, 18, "统一社会信用代码")
            .MaxLength("contact", input.Contact, 50, "联系人")
            .MaxLength("phone", input.Phone, 30, "电话");
        if (!Enum.TryParse<OrganisationKind>(input.Kind, true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择单位类型：bureau、townshipGovernment、contractor、evaluator 或 partner");
        }
        if (input.RegionCode is { Length: > 0 } code)
        {
            if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
            {
                errors.Add("regionCode", "行政区划代码不存在");
            }
            else if (!scope.ContainsRegion(code))
            {
                errors.Add("regionCode", "该区划不在您的管辖范围内");
            }
        }
        LegalForm? legalForm = null;
        if (!string.IsNullOrWhiteSpace(input.LegalForm))
        {
            if (Enum.TryParse<LegalForm>(input.LegalForm, true, out var f) && Enum.IsDefined(f)) legalForm = f;
            else errors.Add("legalForm", "组织形式应为 socialServiceOrganisation（社会服务机构）、socialGroup（社会团体）、foundation（基金会）、enterprise（企业）或 other（其他）");
        }
        RegisteringAuthority? authority = null;
        if (!string.IsNullOrWhiteSpace(input.RegisteringAuthority))
        {
            if (Enum.TryParse<RegisteringAuthority>(input.RegisteringAuthority, true, out var a) && Enum.IsDefined(a)) authority = a;
            else errors.Add("registeringAuthority", "登记机关应为 civilAffairs（民政部门）、marketRegulation（市场监管部门）或 other（其他）");
        }
        errors.ThrowIfAny();
        var o = new Organisation
        {
            Name = input.Name!.Trim(), Kind = kind, RegionCode = input.RegionCode!, CreditCode = string.IsNullOrWhiteSpace(input.CreditCode) ? null : input.CreditCode.Trim(),
            Contact = input.Contact, Phone = input.Phone, LegalForm = legalForm, RegisteringAuthority = authority,
        };
        db.Organisations.Add(o);
        await db.SaveChangesAsync(ct);
        return ToDto(o);
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organisations").WithTags("单位 Organisations");
        g.MapGet("/", (AppDbContext db, HttpContext http, string? kind, int? page, int? pageSize, CancellationToken ct) =>
            List(db, http.User.Scope(), kind, PageRequest.From(page, pageSize), ct))
            .WithSummary("Organisations inside the caller's scope");
        g.MapPost("/", async (AppDbContext db, HttpContext http, OrganisationInput input, CancellationToken ct) =>
            {
                var dto = await Create(db, http.User.Scope(), input, ct);
                return TypedResults.Created($"/api/v1/organisations/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.OrganisationsManage)
            .WithSummary("Create an organisation");
    }
}
