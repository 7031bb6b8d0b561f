using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Organisations;

/// <summary>Bureaus, township governments, contractors, evaluators and partners inside the user's scope.</summary>
[Authorize(Policy = Permissions.OrganisationsManage)]
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<OrganisationDto> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> RegionNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await OrganisationUseCases.List(db, User.Scope(), string.IsNullOrEmpty(Kind) ? null : Kind,
                new PageRequest(PageNumber is > 0 ? PageNumber.Value : 1, PageSize), ct);
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(Kind), m);
            }
        }
        foreach (var code in Result.Items.Select(o => o.RegionCode).Distinct())
        {
            try
            {
                RegionNames[code] = (await GetRegion.Handle(db, code, ct)).Name;
            }
            catch (NotFoundException)
            {
                RegionNames[code] = code;
            }
        }
    }

    public PagerModel Pager => PagerModel.For(Result, "/Organisations/Index", new Dictionary<string, string?> { ["kind"] = Kind });
}
