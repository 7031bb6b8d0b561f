using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// One guard for every API call, run before any handler (docs/security.md "Hostile input"): whatever the
/// binder accepted is checked once for what no use case expects, so a handler never meets it —
/// a missing body, <c>null</c> inside an array, a NUL character (PostgreSQL refuses it in text), a date
/// outside the years the platform can hold. Each refusal is 400 with the JSON field named.
/// JSON that cannot be read at all (wrong types, broken syntax) is refused by the binder and named by
/// <see cref="ProblemExceptionHandler"/> from the reader's path.
/// </summary>
public static class HostileInput
{
    /// <summary>The dates a record can carry: nothing in this domain lies before 1900 or after 2199 (平台解释: a guard, not a policy).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly Assembly Own = typeof(HostileInput).Assembly;

    /// <summary>Adds the guard to every endpoint of the group.</summary>
    public static TBuilder GuardHostileInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var checks = parameters.Select((p, i) => (p, i))
                .Where(x => Checked(x.p.ParameterType) && services?.IsService(x.p.ParameterType) != true)
                .ToArray();
            if (checks.Length == 0)
            {
                return next;
            }
            return context =>
            {
                var errors = new Errors();
                foreach (var (p, i) in checks)
                {
                    var value = i < context.Arguments.Count ? context.Arguments[i] : null;
                    var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name ?? "body");
                    if (value is null)
                    {
                        if (IsBody(p.ParameterType))
                        {
                            errors.Add("body", "请求内容不能为空，请提交 JSON 对象");
                        }
                        continue;
                    }
                    Inspect(value, IsBody(p.ParameterType) ? "" : name, errors, 0);
                }
                errors.ThrowIfAny();
                return next(context);
            };
        });

    /// <summary>Checks a value read some other way (a form, a file's rows) with the same rules.</summary>
    public static void Check(object? value, string field)
    {
        var errors = new Errors();
        if (value is not null)
        {
            Inspect(value, field, errors, 0);
        }
        errors.ThrowIfAny();
    }

    private static bool IsBody(Type t) => t.Assembly == Own && !t.IsEnum && (t.IsClass || (t.IsValueType && !t.IsPrimitive));

    private static bool Checked(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(DateOnly) || t == typeof(string) || IsBody(t) || (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && t.Assembly != typeof(HttpContext).Assembly);
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static void Inspect(object value, string path, Errors errors, int depth)
    {
        var field = path.Length == 0 ? "body" : path;
        switch (value)
        {
            case string s:
                if (s.Contains('\0'))
                {
                    errors.Add(field, "内容中不能含有空字符（\\u0000）");
                }
                return;
            case DateOnly d:
                if (d < EarliestDate || d > LatestDate)
                {
                    errors.Add(field, $"日期须在{EarliestDate:yyyy-MM-dd}至{LatestDate:yyyy-MM-dd}之间");
                }
                return;
            case DateTime dt:
                if (dt.Year < EarliestDate.Year || dt.Year > LatestDate.Year)
                {
                    errors.Add(field, $"时间须在{EarliestDate.Year}年至{LatestDate.Year}年之间");
                }
                return;
            case DateTimeOffset dto:
                if (dto.Year < EarliestDate.Year || dto.Year > LatestDate.Year)
                {
                    errors.Add(field, $"时间须在{EarliestDate.Year}年至{LatestDate.Year}年之间");
                }
                return;
            case IFormFile or IFormCollection or Stream or JsonElement:
                return;
            case IDictionary dict:
                foreach (DictionaryEntry e in dict)
                {
                    var key = Join(path, e.Key.ToString() ?? "");
                    if (e.Value is null)
                    {
                        continue;
                    }
                    if (depth < MaxDepth) Inspect(e.Value, key, errors, depth + 1);
                }
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    var at = $"{field}[{i}]";
                    if (item is null)
                    {
                        errors.Add(at, "列表中不能有空项（null）");
                    }
                    else if (depth < MaxDepth)
                    {
                        Inspect(item, at, errors, depth + 1);
                    }
                    i++;
                }
                return;
        }
        var type = value.GetType();
        if (type.Assembly != Own || type.IsEnum || depth >= MaxDepth)
        {
            return;
        }
        foreach (var p in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                     .ToArray()))
        {
            var v = p.GetValue(value);
            if (v is not null)
            {
                var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                Inspect(v, Join(path, name), errors, depth + 1);
            }
        }
    }

    /// <summary>
    /// Reads a multipart form; a body that is not a well-formed form (broken boundary, truncated part, too
    /// large) is 400 naming <paramref name="fileField"/>, never a server error.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, string fileField, long maxBytes, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1024 * 1024;
        }
        try
        {
            return await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + 1024 * 1024 }, ct);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException or FormatException or InvalidOperationException
                                   && !ct.IsCancellationRequested)
        {
            throw RequestValidationException.For(fileField, $"上传内容无法读取：请以 multipart/form-data 提交，单个文件不超过{maxBytes / 1024 / 1024} MB");
        }
    }
}
