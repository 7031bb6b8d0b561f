using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Account;

/// <summary>我的: who I am, my scope, my password, logging out, and on phones every area I may use.</summary>
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    public string ScopeText { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => ScopeText = await ScopeDisplay.DescribeAsync(db, User, ct);
}
