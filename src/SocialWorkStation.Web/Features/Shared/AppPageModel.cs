using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Shared;

/// <summary>
/// Base of the pages: a record that does not exist or lies outside the user's scope (NotFoundException
/// from a handler) becomes the Chinese 404 page, and validation errors from a handler land under the
/// form fields they name.
/// </summary>
public abstract class AppPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException nf && !executed.ExceptionHandled)
        {
            executed.Result = NotFoundPage(nf.Message);
            executed.ExceptionHandled = true;
        }
    }

    /// <summary>The 404 page with the layout, saying what was not found.</summary>
    protected IActionResult NotFoundPage(string message) => new ViewResult
    {
        ViewName = "/Features/Shared/NotFound.cshtml",
        StatusCode = StatusCodes.Status404NotFound,
        ViewData = new ViewDataDictionary(MetadataProvider, ModelState) { ["Title"] = "未找到", ["Message"] = message },
    };

    /// <summary>
    /// Puts each message of a handler's validation error under its field. The handler names fields as
    /// in the JSON API ("rooms[0].name"); the form binds them under <paramref name="prefix"/> in
    /// PascalCase ("Input.Rooms[0].Name"). A field the form does not have goes to the summary.
    /// </summary>
    protected void ShowErrors(RequestValidationException ex, string prefix, Type formType)
    {
        foreach (var (field, messages) in ex.Errors)
        {
            var key = FormKey(prefix, field, formType);
            foreach (var m in messages)
            {
                ModelState.AddModelError(key, m);
            }
        }
    }

    /// <summary>
    /// After a stale save (409): shows what is saved now beside what the user typed, and takes the saved version,
    /// so that saving again is a deliberate choice to overwrite.
    /// </summary>
    protected ConflictView StaleSave<TForm>(TForm mine, TForm saved, int savedVersion, IReadOnlyList<(string Property, string Label)> labels, Action<int> takeVersion)
    {
        ModelState.Remove("Input.Version");
        takeVersion(savedVersion);
        ModelState.AddModelError("", ConflictView.Message);
        return ConflictView.Of(mine, saved, savedVersion, labels);
    }

    protected void ShowError(BusinessRuleException ex, string prefix, Type formType) =>
        ModelState.AddModelError(ex.Field is null ? "" : FormKey(prefix, ex.Field, formType), ex.Message);

    public static string FormKey(string prefix, string jsonField, Type formType)
    {
        var parts = jsonField.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]).ToArray();
        var top = parts[0].Split('[')[0];
        return formType.GetProperty(top, BindingFlags.Public | BindingFlags.Instance) is null ? "" : prefix + "." + string.Join('.', parts);
    }

    /// <summary>A local URL to go back to after login, or the home page.</summary>
    protected string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
