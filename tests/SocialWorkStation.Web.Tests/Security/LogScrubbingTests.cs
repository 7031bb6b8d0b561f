using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Security;

/// <summary>docs/security.md "Data protection": no full ID number in any log line, checked with a captured logger on the running host.</summary>
public sealed class LogScrubbingTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private sealed class Captured : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Enqueue(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var p in pairs) Lines.Enqueue($"{p.Key}={p.Value}");
            }
        }
    }

    [Theory]
    [InlineData("查找 469030195001010012 的记录", "查找 469***********0012 的记录")]
    [InlineData("id=11010519491231002X&x=1", "id=110***********002X&x=1")]
    [InlineData("电话 13812345678，订单 1234567890123456789012", "电话 13812345678，订单 1234567890123456789012")]
    public void Id_shaped_values_are_masked_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, LogScrubbing.Scrub(text));

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_logger_of_the_host_writes_the_id_masked(string db)
    {
        var app = TestApp.For(db);
        var captured = new Captured();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();
        factory.AddProvider(captured);
        const string id = "469030195001010012";
        factory.CreateLogger("Test.Search").LogWarning("Search for {Q} from {Path}", id, "/api/v1/recipients?q=" + id);
        app.Services.GetRequiredService<ILogger<LogScrubbingTests>>().LogInformation("plain text " + id);
        // A request whose URL carries a whole ID number: whatever the host logs about it is masked too.
        await (await app.ClientFor("worker")).GetAsync("/api/v1/recipients?q=" + id);
        Assert.Contains(captured.Lines, l => l.Contains("469***********0012", StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Lines, l => l.Contains(id, StringComparison.Ordinal));
    }
}
