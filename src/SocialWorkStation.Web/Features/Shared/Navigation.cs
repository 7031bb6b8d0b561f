using System.Security.Claims;
using SocialWorkStation.Web.Features.Accounts;

namespace SocialWorkStation.Web.Features.Shared;

/// <summary>One link of the sidebar; <paramref name="Folder"/> marks it active for every page under it.</summary>
public sealed record NavItem(string Text, string Page, string Icon, string Folder, IReadOnlyDictionary<string, string>? RouteValues = null)
{
    /// <summary>Route values for the anchor tag helper (asp-all-route-data).</summary>
    public IDictionary<string, string> Route => RouteValues is null ? new Dictionary<string, string>() : new Dictionary<string, string>(RouteValues);
}

/// <summary>An area of the sidebar (docs/requirements/ui.md: 站点 · 人员 · 服务对象 · … · 系统管理).</summary>
public sealed record NavGroup(string Text, IReadOnlyList<NavItem> Items);

/// <summary>
/// The areas a user may open, in the order of docs/requirements/ui.md. Only areas that exist are listed; a new area adds
/// one group here and, if phone users need it at hand, one tab.
/// </summary>
public static class Navigation
{
    public static IReadOnlyList<NavGroup> For(ClaimsPrincipal user)
    {
        var groups = new List<NavGroup>();
        var scope = user.Scope();
        if (user.Can(Permissions.Read) && !user.IsInRole(Roles.Auditor))
        {
            var stations = new List<NavItem>();
            if (scope is { Kind: ScopeKind.Station, StationId: { } own })
            {
                stations.Add(new NavItem("本站概况", "/Stations/Details", "station", "/Stations/Details", new Dictionary<string, string> { ["id"] = own.ToString() }));
            }
            stations.Add(new NavItem(scope.Kind == ScopeKind.Station ? "站点与社工室" : "站点列表", "/Stations/Index", "list", "/Stations/Index"));
            if (user.Can(Permissions.StationsCreate))
            {
                stations.Add(new NavItem("新建站点", "/Stations/Edit", "plus", "/Stations/Edit"));
            }
            // The project manager's monthly check of each station (Qiongzhong（五）管理保障第3项); the stations read theirs.
            stations.Add(new NavItem("项目经理检查", "/ContractorChecks/Index", "check", "/ContractorChecks"));
            stations.Add(new NavItem("政策方案", "/Profiles/Index", "book", "/Profiles"));
            stations.Add(new NavItem("行政区划", "/Regions/Index", "map", "/Regions"));
            groups.Add(new NavGroup("站点", stations));

            var people = new List<NavItem>
            {
                new("社工名册", "/Workers/Index", "users", "/Workers/Index"),
                new("人员检查汇总", "/Workers/Findings", "check", "/Workers/Findings"),
            };
            if (user.Can(Permissions.WorkersManage))
            {
                people.Add(new NavItem("招聘资格预审", "/Workers/HiringCheck", "search", "/Workers/HiringCheck"));
                people.Add(new NavItem("从Excel导入", "/Workers/Import", "plus", "/Workers/Import"));
            }
            groups.Add(new NavGroup("人员", people));

            var recipients = new List<NavItem> { new("服务对象名单", "/Recipients/Index", "users", "/Recipients/Index") };
            if (user.Can(Permissions.RecipientsWrite))
            {
                recipients.Add(new NavItem("登记服务对象", "/Recipients/Edit", "plus", "/Recipients/Edit"));
            }
            if (user.Can(Permissions.RecipientsImport))
            {
                recipients.Add(new NavItem("导入名单", "/Recipients/Import", "list", "/Recipients/Import"));
            }
            groups.Add(new NavGroup("服务对象", recipients));
            groups.Add(new NavGroup("服务记录",
            [
                new NavItem("服务标准进度", "/Progress/Index", "check", "/Progress"),
                new NavItem("走访台账", "/Visits/Index", "list", "/Visits"),
                new NavItem("个案", "/Cases/Index", "user", "/Cases"),
                new NavItem("小组", "/Groups/Index", "users", "/Groups"),
                new NavItem("社区活动", "/Activities/Index", "list", "/Activities"),
                new NavItem("志愿者", "/Volunteers/Index", "users", "/Volunteers"),
                new NavItem("资源链接", "/Resources/Index", "org", "/Resources"),
                new NavItem("需求调研", "/NeedsSurveys/Index", "map", "/NeedsSurveys"),
                new NavItem("特色案例", "/FeaturedCases/Index", "book", "/FeaturedCases"),
            ]));
            if (user.Can(Permissions.AgreementsRead))
            {
                groups.Add(new NavGroup("项目", [new NavItem("项目周期与协议", "/Agreements/Index", "book", "/Agreements"),
                    .. user.Can(Permissions.PlansRead) ? [new NavItem("年度实施计划", "/Agreements/Plans", "list", "/Plans")] : Array.Empty<NavItem>()]));
            }
            if (user.Can(Permissions.ArchivesRead))
            {
                var books = new List<NavItem> { new("档案", "/Archives/Index", "book", "/Archives") };
                if (user.Can(Permissions.AssetsRead)) books.Add(new NavItem("固定资产", "/Assets/Index", "list", "/Assets"));
                groups.Add(new NavGroup("站务", books));
            }
            if (user.Can(Permissions.ComplaintsRead))
            {
                groups.Add(new NavGroup("监督", [new NavItem("投诉建议", "/Complaints/Index", "audit", "/Complaints")]));
            }
            if (user.Can(Permissions.IncidentsRead))
            {
                groups.Add(new NavGroup("风险", [new NavItem("风险与突发事件", "/Incidents/Index", "audit", "/Incidents")]));
            }
            groups.Add(new NavGroup("报表", [new NavItem("报告报送", "/Reports/Index", "book", "/Reports")]));
            groups.Add(new NavGroup("评估", [new NavItem("评估轮次", "/Evaluations/Index", "check", "/Evaluations/Index"), new NavItem("评估指标体系", "/Evaluations/Trees", "list", "/Evaluations/Trees")]));
        }
        var admin = new List<NavItem>();
        if (user.Can(Permissions.AccountsManage))
        {
            admin.Add(new NavItem("账号管理", "/Accounts/Index", "users", "/Accounts"));
        }
        if (user.Can(Permissions.OrganisationsManage))
        {
            admin.Add(new NavItem("单位管理", "/Organisations/Index", "org", "/Organisations"));
        }
        if (user.Can(Permissions.AuditRead))
        {
            admin.Add(new NavItem("审计日志", "/Audit/Index", "audit", "/Audit"));
        }
        if (admin.Count > 0)
        {
            groups.Add(new NavGroup("系统管理", admin));
        }
        // An administrator sees only its own area (三员分立).
        return groups.Select(g => g with { Items = g.Items.Where(i => AdministratorAreas.AllowsPage(user, i.Page)).ToList() })
            .Where(g => g.Items.Count > 0).ToList();
    }

    /// <summary>
    /// The bottom tab bar on phones (docs/requirements/ui.md: 首页 · 服务对象 · 走访 · 我的). 服务对象 and 走访 join when
    /// their areas exist; until then the tab between 首页 and 我的 is the user's main area.
    /// </summary>
    public static IReadOnlyList<NavItem> Tabs(ClaimsPrincipal user)
    {
        var tabs = new List<NavItem> { new("首页", "/Index", "home", "/Index") };
        var scope = user.Scope();
        if (user.Can(Permissions.AuditRead))
        {
            tabs.Add(new NavItem("审计", "/Audit/Index", "audit", "/Audit"));
        }
        else if (user.Can(Permissions.AccountsManage))
        {
            tabs.Add(new NavItem("账号", "/Accounts/Index", "users", "/Accounts"));
            tabs.Add(new NavItem("站点", "/Stations/Index", "station", "/Stations"));
        }
        else if (scope is { Kind: ScopeKind.Station, StationId: { } own })
        {
            tabs.Add(new NavItem("服务对象", "/Recipients/Index", "users", "/Recipients"));
            tabs.Add(new NavItem("本站", "/Stations/Details", "station", "/Stations", new Dictionary<string, string> { ["id"] = own.ToString() }));
            tabs.Add(new NavItem("服务", "/Services/Index", "list", "/Services"));
            // Five tabs at most on a 360-px phone; profiles stay one tap away under 我的.
        }
        else
        {
            tabs.Add(new NavItem("站点", "/Stations/Index", "station", "/Stations"));
            tabs.Add(new NavItem("进度", "/Progress/Index", "check", "/Progress"));
            tabs.Add(new NavItem("方案", "/Profiles/Index", "book", "/Profiles"));
            if (user.Can(Permissions.ContractorChecksWrite))
            {
                // The project manager records the monthly station checks on the go.
                tabs.Add(new NavItem("检查", "/ContractorChecks/Index", "check", "/ContractorChecks"));
            }
        }
        tabs.Add(new NavItem("我的", "/Account/Index", "user", "/Account"));
        return tabs.Where(t => AdministratorAreas.AllowsPage(user, t.Page)).ToList();
    }

    /// <summary>Whether the page being shown lies under the item's folder.</summary>
    public static bool IsActive(NavItem item, string? currentPage) =>
        currentPage is not null && (item.Folder == "/Index"
            ? currentPage == "/Index"
            : currentPage.StartsWith(item.Folder, StringComparison.OrdinalIgnoreCase));

    /// <summary>The user's roles in Chinese, joined.</summary>
    public static string RoleNames(ClaimsPrincipal user) =>
        string.Join("、", Roles.All.Where(r => user.IsInRole(r.Name)).Select(r => r.Chinese));
}
