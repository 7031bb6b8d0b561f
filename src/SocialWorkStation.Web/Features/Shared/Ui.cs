using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SocialWorkStation.Web.Features.Shared;

/// <summary>The four status colours of docs/requirements/ui.md; each is always shown with a word and an icon.</summary>
public enum StatusKind
{
    /// <summary>达标: green, check mark.</summary>
    Ok,
    /// <summary>正常: blue, information mark.</summary>
    Normal,
    /// <summary>落后: orange, warning triangle.</summary>
    Behind,
    /// <summary>严重落后: red, cross.</summary>
    Severe,
}

public sealed record Crumb(string Text, string? Url);

/// <summary>The trail after 首页; the last crumb is the current page.</summary>
public sealed class Breadcrumbs : List<Crumb>
{
    public void Add(string text, string? url) => Add(new Crumb(text, url));
}

/// <summary>Small rendering helpers shared by the pages.</summary>
public static class Ui
{
    /// <summary>Encodes markup but leaves Chinese characters as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Icon(string name, string? cssClass = null) =>
        new HtmlString($"<svg class=\"icon{(cssClass is null ? "" : " " + cssClass)}\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#i-{name}\"></use></svg>");

    public static IHtmlContent Status(StatusKind kind, string word)
    {
        var (css, icon) = kind switch
        {
            StatusKind.Ok => ("status-ok", "check"),
            StatusKind.Normal => ("status-normal", "info"),
            StatusKind.Behind => ("status-behind", "warn"),
            _ => ("status-severe", "cross"),
        };
        return new HtmlString($"<span class=\"status {css}\">{Icon(icon)}<span>{Encoder.Encode(word)}</span></span>");
    }

    /// <summary>Dates in tables: 2026-03-01.</summary>
    public static string Date(DateTime? utc) => utc is { } d ? Infrastructure.ChinaTime.ToChina(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    public static string DateTime(DateTime? utc) => utc is { } d ? Infrastructure.ChinaTime.ToChina(d).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>Breadcrumbs of the current page, rendered by the layout after 首页.</summary>
    public static Breadcrumbs Crumbs(this ViewDataDictionary viewData)
    {
        if (viewData["Crumbs"] is not Breadcrumbs list)
        {
            viewData["Crumbs"] = list = [];
        }
        return list;
    }

    /// <summary>Pages that need htmx say so; the layout loads it only for them (docs/requirements/ui.md: scripts only where needed).</summary>
    public static void UseHtmx(this ViewDataDictionary viewData) => viewData["UseHtmx"] = true;

    public static string FieldId(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}

/// <summary>Paging below a list, keeping its filters. The page number travels as "p": Razor Pages reserves "page" for the page path.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, string PagePath, IReadOnlyDictionary<string, string?> Filters)
{
    public static PagerModel For<T>(Infrastructure.Paged<T> paged, string pagePath, IReadOnlyDictionary<string, string?> filters) =>
        new(paged.Page, paged.PageCount, paged.Total, pagePath, filters);

    public IDictionary<string, string> RouteFor(int page)
    {
        var route = Filters.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value!);
        route["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }
}
