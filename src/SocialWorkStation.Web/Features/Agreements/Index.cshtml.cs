using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>项目周期与协议: the cycles in reach and, for the county bureau, the form that starts one.</summary>
[Authorize(Policy = Permissions.AgreementsRead)]
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty] public CycleForm Input { get; set; } = new();

    public sealed class CycleForm
    {
        public string? CountyCode { get; set; }
        public string? ProfileKey { get; set; }
        public string? BuyerName { get; set; }
        public Guid? ContractorId { get; set; }
        public DateOnly? StartDate { get; set; }
        public List<Guid> StationIds { get; set; } = [];
    }

    public Paged<ProgrammeCycleDto> Result { get; private set; } = new([], 0, 1, 20);
    public List<(Guid Id, string Name)> Contractors { get; private set; } = [];
    public List<(Guid Id, string Name)> StationChoices { get; private set; } = [];
    public List<(string Code, string Name)> Counties { get; private set; } = [];
    public IReadOnlyCollection<Domain.Profiles.PolicyProfile> Profiles => profiles.All;

    public PagerModel Pager => PagerModel.For(Result, "/Agreements/Index", new Dictionary<string, string?>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartDate = ChinaTime.Today(clock);
        await Load(ct);
        Input.CountyCode = Counties.FirstOrDefault().Code;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.AgreementsManage))
        {
            return Forbid();
        }
        try
        {
            var dto = await CreateCycle.Handle(db, profiles, clock, User, new CycleInput(Input.CountyCode, Input.ProfileKey, Input.BuyerName, Input.ContractorId,
                Input.StartDate?.ToString("yyyy-MM-dd"), Input.StationIds), ct);
            TempData["Message"] = "已新建项目周期。";
            return RedirectToPage("/Agreements/Cycle", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Input", typeof(CycleForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, "Input", typeof(CycleForm));
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Result = await ListCycles.Handle(db, profiles, clock, User, null, new PageRequest(PageNumber ?? 1, 20), ct);
        if (!User.Can(Permissions.AgreementsManage))
        {
            return;
        }
        var scope = User.Scope();
        var counties = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County);
        if (scope.RegionPrefix is { } prefix)
        {
            counties = counties.Where(r => r.Code.StartsWith(prefix));
        }
        Counties = (await counties.OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).Take(500).ToListAsync(ct))
            .Where(r => scope.ContainsRegion(r.Code)).Select(r => (r.Code, r.Name)).ToList();
        Contractors = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Contractor).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(500).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        StationChoices = (await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => p.Kind != PlatformKind.VillageRoom)
                .OrderBy(p => p.RegionCode).Select(p => new { p.Id, p.Name }).Take(300).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
    }
}
