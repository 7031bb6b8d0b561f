using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>Bad input: 400 with errors keyed by the JSON field name, messages in Chinese.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("请求数据有误")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Not found, or outside the caller's scope (answered the same way on purpose).</summary>
public sealed class NotFoundException(string message = "记录不存在或不在您的权限范围内") : Exception(message);

/// <summary>A stale write or a clash with existing data: 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A broken business rule: 422.</summary>
public sealed class BusinessRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>Collects field errors; throws once with all of them.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Errors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public Errors Required(string field, string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"请填写{label}") : this;

    public Errors MaxLength(string field, string? value, int max, string label) =>
        value is not null && value.Length > max ? Add(field, $"{label}不能超过{max}个字") : this;

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

/// <summary>The one exception handler: business exceptions become RFC 9457 problem details.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware may already have pointed the request at the error page: ask where it came from.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            // Pages handle their own validation and not-found; anything else shows the Chinese error page.
            logger.LogError(exception, "Unhandled exception on a page");
            return false;
        }
        ProblemDetails problem;
        switch (exception)
        {
            case RequestValidationException v:
                problem = new ValidationProblemDetails(v.Errors) { Status = 400, Title = "提交的数据有误", Detail = "请按提示修改后重新提交。" };
                break;
            case NotFoundException nf:
                problem = new ProblemDetails { Status = 404, Title = "未找到", Detail = nf.Message };
                break;
            case ConflictException c:
                problem = new ProblemDetails { Status = 409, Title = "数据冲突", Detail = c.Message };
                break;
            case DbUpdateConcurrencyException:
                problem = new ProblemDetails { Status = 409, Title = "数据冲突", Detail = "该记录已被他人修改，请刷新后重试。" };
                break;
            case BusinessRuleException b:
                problem = new ProblemDetails { Status = 422, Title = "不符合业务规则", Detail = b.Message };
                if (b.Field is not null)
                {
                    problem.Extensions["field"] = b.Field;
                }
                break;
            case BadHttpRequestException bad:
                problem = BadRequest(bad);
                // The message quotes the caller's input: only the field it names is logged.
                logger.LogInformation("Bad request refused: {Fields}", string.Join(",", ((ValidationProblemDetails)problem).Errors.Keys));
                break;
            default:
                logger.LogError(exception, "Unhandled exception");
                problem = new ProblemDetails { Status = 500, Title = "服务器内部错误", Detail = "请稍后重试；如仍有问题请联系管理员。" };
                break;
        }
        if (http.Response.HasStarted)
        {
            return false;
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A body or parameter the binder could not read: 400 naming the JSON field from the reader's path
    /// (<c>$.rooms[0].area</c> → <c>rooms[0].area</c>), or the parameter the binder names.
    /// </summary>
    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        string field;
        string message;
        if (bad.InnerException is System.Text.Json.JsonException json)
        {
            var path = json.Path ?? "$";
            field = path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
            message = json.Path is null ? "请求内容不是有效的 JSON" : "该项的类型或格式不对（如数字写成了文字、日期格式不是 YYYY-MM-DD）";
        }
        else if (System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\"]*? (\\w+)\"") is { Success: true } m)
        {
            field = m.Groups[1].Value;
            message = bad.Message.Contains("not provided", StringComparison.Ordinal) ? "请填写此项" : "该项的格式不对";
        }
        else
        {
            field = "body";
            message = "请求内容无法解析，请检查格式";
        }
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400, Title = "提交的数据有误", Detail = "请求内容无法解析，请检查格式。",
        };
    }
}
