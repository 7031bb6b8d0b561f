using System.Security.Claims;

namespace SocialWorkStation.Web.Features.Shared;

/// <summary>One thing a person must do now, shown on their home page (issue 18's work queue).</summary>
/// <param name="Title">What to do, in words for the user: "服务协议备案逾期".</param>
/// <param name="Detail">Which record and by when: "营根镇社工站 2026年度协议，应于2026年3月9日前报市民政局备案".</param>
/// <param name="Link">Where one click takes the user to do it.</param>
/// <param name="Status">Overdue items are <see cref="StatusKind.Severe"/>, due soon <see cref="StatusKind.Behind"/>.</param>
public sealed record HomeQueueItem(string Title, string Detail, string Link, StatusKind Status);

/// <summary>A group of items from one feature: "服务协议与经费", "评估整改", "报告报送".</summary>
public sealed record HomeQueueSection(string Heading, IReadOnlyList<HomeQueueItem> Items, string? MoreLink = null, int? Total = null);

/// <summary>
/// A feature's contribution to the home page's work queue. Each feature registers one source in DI
/// (services.AddScoped&lt;IHomeQueueSource, …&gt;()), and the home page shows every section a source
/// returns for the signed-in user. A source filters by the user's role and scope itself, in SQL, and
/// returns null when it has nothing for this user, so the home page never grows a feature switch.
/// </summary>
public interface IHomeQueueSource
{
    /// <summary>Sources are shown in this order (lower first); ties keep registration order.</summary>
    int Order => 100;

    Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct);
}
