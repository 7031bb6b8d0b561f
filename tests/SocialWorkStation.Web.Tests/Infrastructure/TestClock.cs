using Microsoft.Extensions.Time.Testing;

namespace SocialWorkStation.Web.Tests.Infrastructure;

/// <summary>
/// The clock every test host runs on: "now" is pinned to 10:00 China time on <see cref="Today"/>, so dates
/// in tests and in the demo county do not depend on the day the suite runs.
/// <list type="bullet">
/// <item>The pinned day is SWS_TEST_TODAY (yyyy-MM-dd, e.g. <c>SWS_TEST_TODAY=2028-02-29 dotnet test ...</c>), else
/// <see cref="DefaultToday"/> (a fixed date, never the real one). .ci/run runs the Web tests on several such days.</item>
/// <item>A test reads it from its host: <c>app.Clock</c> (Web tests) or <c>BrowserApp.Clock</c>; <c>TestClock.Today</c>
/// is the same day without a host. Never use DateTime.Now/UtcNow/Today or TimeProvider.System in a test.</item>
/// <item>Advancing: <c>app.Clock.Advance(TimeSpan.FromDays(1))</c> moves "now" for the whole host. Hosts are shared by
/// test classes running in parallel, so only advance a clock your test class owns (its own host, or a
/// <c>TestClock.Create()</c> passed straight to a handler).</item>
/// <item>Timers and Task.Delay still wait real time (the roster-import runner keeps polling); only the date and
/// time of day read from the clock are pinned.</item>
/// </list>
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    public const string Variable = "SWS_TEST_TODAY";

    /// <summary>The default pinned day when SWS_TEST_TODAY is not set.</summary>
    public static readonly DateOnly DefaultToday = new(2026, 11, 16);

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public TestClock(DateOnly today)
        : base(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), China))
    {
    }

    /// <summary>The pinned China date of this run.</summary>
    public static DateOnly Today { get; } = Read();

    /// <summary>A new clock pinned to 10:00 China time on <see cref="Today"/> (or on the given day).</summary>
    public static TestClock Create(DateOnly? today = null) => new(today ?? Today);

    /// <summary>Timers wait real time, so background work that polls (Task.Delay with this clock) keeps running.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    private static DateOnly Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultToday;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var day)
            ? day
            : throw new InvalidOperationException($"{Variable} must be a date like 2027-01-02, not '{text}'.");
    }
}
