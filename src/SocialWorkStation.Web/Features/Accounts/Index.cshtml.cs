using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>Accounts for the platform administrator: search, status, paging.</summary>
[Authorize(Policy = Permissions.AccountsManage)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<AccountDto> Result { get; private set; } = new([], 0, 1, PageSize);
    /// <summary>Scope of each listed account in words.</summary>
    public Dictionary<string, string> ScopeNames { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await ManageAccounts.List(db, clock, Q, new PageRequest(PageNumber is > 0 ? PageNumber.Value : 1, PageSize), ct);
        foreach (var a in Result.Items)
        {
            ScopeNames[a.Id] = await ScopeOf(a, ct);
        }
    }

    private async Task<string> ScopeOf(AccountDto a, CancellationToken ct)
    {
        try
        {
            if (a.ScopeStationId is { } station)
            {
                return (await GetStation.Handle(db, User.Scope(), station, ct)).Name;
            }
            if (a.ScopeRegionCode is { } code)
            {
                return (await GetRegion.Handle(db, code, ct)).Name;
            }
        }
        catch (NotFoundException)
        {
            return a.ScopeRegionCode ?? "（站点已不存在）";
        }
        return a.Roles.Any(r => r is Roles.SystemAdmin or Roles.Auditor) ? "全平台" : "未设置";
    }

    public static (StatusKind Kind, string Word) StatusOf(AccountDto a) =>
        a.Disabled ? (StatusKind.Severe, "已停用") : a.LockedOut ? (StatusKind.Behind, "已锁定") : (StatusKind.Normal, "正常");

    public PagerModel Pager => PagerModel.For(Result, "/Accounts/Index", new Dictionary<string, string?> { ["q"] = Q });
}
