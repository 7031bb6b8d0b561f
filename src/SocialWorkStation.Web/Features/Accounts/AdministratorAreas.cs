using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>
/// 三员分立 (docs/security.md "Separation of duties"): each of the three administrators reaches its own area and
/// nothing else, whatever the permission table says. The system administrator configures the platform (regions,
/// stations, policy profiles, organisations, the workers' roster); the security administrator manages accounts and
/// reads the regions, stations and organisations that accounts are scoped to; the audit administrator reads the
/// audit trail. None of them reaches a station's service records (recipients, visits, cases, groups, reports …).
/// One list serves the API (a filter on /api/v1), the pages (a page filter) and the sidebar.
/// </summary>
public static class AdministratorAreas
{
    private static readonly Dictionary<string, string[]> ApiResources = new()
    {
        [Roles.SystemAdmin] = ["auth", "regions", "stations", "profiles", "organisations", "workers"],
        [Roles.SecurityAdmin] = ["auth", "accounts", "regions", "stations", "organisations"],
        [Roles.Auditor] = ["auth", "audit"],
    };

    /// <summary>Page folders (the first segment of a page's path); the home page, sign-in, errors and the public station page are open to all.</summary>
    private static readonly Dictionary<string, string[]> PageFolders = new()
    {
        [Roles.SystemAdmin] = ["Regions", "Stations", "Profiles", "Organisations", "Workers"],
        [Roles.SecurityAdmin] = ["Accounts", "Regions", "Stations", "Organisations"],
        [Roles.Auditor] = ["Audit"],
    };

    private static readonly string[] OpenPages = ["/Index", "/Error", "/Public/Station", "/Public/Complaint", "/Public/Track"];

    /// <summary>The administrator role the user holds, or null for a business user (accounts hold at most one).</summary>
    public static string? AdministratorRole(ClaimsPrincipal user) => Roles.Administrators.FirstOrDefault(user.IsInRole);

    /// <summary>Whether the role may call the API resource (the segment after /api/v1/). Business roles: the permission table decides.</summary>
    public static bool AllowsApi(string role, string resource) =>
        !ApiResources.TryGetValue(role, out var allowed) || allowed.Contains(resource, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the role may open the page at this path (e.g. "/Recipients/Index").</summary>
    public static bool AllowsPage(string role, string pagePath)
    {
        if (!PageFolders.TryGetValue(role, out var folders)) return true;
        if (OpenPages.Contains(pagePath, StringComparer.OrdinalIgnoreCase) || pagePath.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)) return true;
        var folder = pagePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return folders.Contains(folder, StringComparer.OrdinalIgnoreCase);
    }

    public static bool AllowsPage(ClaimsPrincipal user, string pagePath) => AdministratorRole(user) is not { } role || AllowsPage(role, pagePath);

    /// <summary>Adds the API side: an administrator calling outside its area gets 403, as for a missing permission.</summary>
    public static RouteGroupBuilder KeepAdministratorsToTheirAreas(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (AdministratorRole(http.User) is { } role)
            {
                var resource = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
                if (!AllowsApi(role, resource))
                {
                    return Results.Problem(title: "无权访问", detail: $"{Roles.Chinese(role)}不能访问此功能（三员分立）", statusCode: StatusCodes.Status403Forbidden);
                }
            }
            return await next(ctx);
        });
        return api;
    }
}

/// <summary>The page side of <see cref="AdministratorAreas"/>: outside its area an administrator is sent to the "no access" page.</summary>
public sealed class AdministratorAreaPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!AdministratorAreas.AllowsPage(context.HttpContext.User, context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ForbidResult();
            return;
        }
        await next();
    }
}
