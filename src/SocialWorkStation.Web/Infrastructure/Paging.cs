using Microsoft.EntityFrameworkCore;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>docs/requirements/api.md lists: page from 1, pageSize default 50, max 500.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;

    public static PageRequest From(int? page, int? pageSize)
    {
        var errors = new Errors();
        if (page is < 1) errors.Add("page", "页码从1开始");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"每页条数应在1到{MaxPageSize}之间");
        errors.ThrowIfAny();
        return new PageRequest(page ?? 1, pageSize ?? 50);
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToListAsync(ct);
        return new Paged<T>(items, total, page.Page, page.PageSize);
    }
}
