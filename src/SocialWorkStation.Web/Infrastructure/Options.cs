using System.ComponentModel.DataAnnotations;

namespace SocialWorkStation.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Database:Provider selects SQLite (embedded default) or PostgreSQL (production).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Apply pending migrations at start-up (default on; an operator may run them separately).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>Bootstrap:AdminPassword sets the built-in admin's password when the database is created.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";
    public string? AdminPassword { get; set; }
}

/// <summary>Demo:Seed seeds the demo county (Qiongzhong) into an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool Seed { get; set; }
    /// <summary>
    /// Seed the demo county as a service year in progress (DemoSeeder.LivingYear): visits, cases, groups, volunteers, an
    /// agreement with budgets and spending, an open evaluation round. The test host turns it off: its tests count their own records.
    /// </summary>
    public bool LivingYear { get; set; } = true;
    /// <summary>Password of every demo account.</summary>
    [Required, MinLength(10)]
    public string Password { get; set; } = "Demo@2026pass";
    /// <summary>
    /// The authenticator key (Base32) the demo's three administrators are enrolled with, so a tester can add it to an
    /// authenticator app (README). A demo value, public like the demo password.
    /// </summary>
    [Required, MinLength(16)]
    public string AuthenticatorKey { get; set; } = "SWSDEMOQIONGZHONGKEYTWOFAXYZ2345";
}

/// <summary>等保 2.0 account rules; the numbers are settings with the defaults.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";
    [Range(8, 128)] public int PasswordMinLength { get; set; } = 10;
    [Range(1, 4)] public int PasswordMinKinds { get; set; } = 3;
    [Range(1, 100)] public int MaxFailedLogins { get; set; } = 5;
    [Range(1, 1440)] public int LockoutMinutes { get; set; } = 15;
    [Range(1, 1440)] public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>Also require two-factor sign-in of bureau officers (the three administrators always need it; docs/security.md "Two-factor sign-in").</summary>
    public bool RequireTwoFactorForBureau { get; set; }

    /// <summary>Whether an account holding these roles must sign in with a second factor.</summary>
    public bool RequiresTwoFactor(IEnumerable<string> roles) =>
        roles.Any(r => Features.Accounts.Roles.IsAdministrator(r) || (RequireTwoFactorForBureau && r == Features.Accounts.Roles.BureauOfficer));
}

/// <summary>Where policy profiles are read from; relative paths are under the content root.</summary>
public sealed class ProfileOptions
{
    public const string Section = "Profiles";
    [Required] public string Folder { get; set; } = "Profiles";
}
