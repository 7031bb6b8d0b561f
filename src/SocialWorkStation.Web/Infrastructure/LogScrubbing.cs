using System.Collections;
using System.Text.RegularExpressions;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// No full ID number reaches a log line (docs/security.md "Data protection"): every message and every
/// structured value of every logger passes through <see cref="Scrub"/>, which masks anything shaped like an
/// 18-character resident ID number (GB 11643: 17 digits and a digit or X) the way the platform masks it on
/// screen. The factory wraps the host's own, so every provider — console, files, a test's captured logger — gets
/// the scrubbed text.
/// </summary>
public static partial class LogScrubbing
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdShaped();

    public static string Scrub(string text) =>
        text.Length < 18 ? text : IdShaped().Replace(text, m => Domain.IdNumbers.IdNumber.Mask(m.Value));

    /// <summary>Wraps the logger factory the host built, so every logger it makes scrubs.</summary>
    public static void AddLogScrubbing(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        if (inner?.ImplementationType is null)
        {
            return;
        }
        var type = inner.ImplementationType;
        services.Remove(inner);
        services.AddSingleton<ILoggerFactory>(sp => new ScrubbingLoggerFactory((ILoggerFactory)ActivatorUtilities.CreateInstance(sp, type)));
    }

    private sealed class ScrubbingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class ScrubbingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var message = Scrub(formatter(state, exception));
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is string s ? Scrub(s) : p.Value)).ToList()
                : [];
            inner.Log(logLevel, eventId, new ScrubbedState(message, values), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The scrubbed message and values, shaped like the framework's own state so structured providers still read the fields.</summary>
    private sealed class ScrubbedState(string message, List<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
