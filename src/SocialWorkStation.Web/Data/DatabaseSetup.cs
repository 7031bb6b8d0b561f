using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/socialworkstation.db";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = config.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connection = config.GetConnectionString("Default");
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<PersonalDataInterceptor>();
        services.AddScoped<Features.Progress.ProgressInterceptor>();
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is not set.");
            }
            services.AddDbContext<PgAppDbContext>((sp, o) => o
                .UseNpgsql(connection, n => n.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(PersonalDataMaterializer.Instance, sp.GetRequiredService<PersonalDataInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Progress.ProgressInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PgAppDbContext>());
        }
        else
        {
            connection = string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection;
            connection = ResolveSqlitePath(connection, contentRoot);
            services.AddDbContext<SqliteAppDbContext>((sp, o) => o
                .UseSqlite(connection)
                .AddInterceptors(PersonalDataMaterializer.Instance, sp.GetRequiredService<PersonalDataInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Progress.ProgressInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        // Keys shared by every web node through the database (docs/operations.md).
        services.AddDataProtection().SetApplicationName("SocialWorkStation").PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>A relative SQLite path is under the content root, and its folder is created.</summary>
    private static string ResolveSqlitePath(string connection, string contentRoot)
    {
        var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (b.DataSource != ":memory:" && !b.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(b.DataSource) ? b.DataSource : Path.Combine(contentRoot, b.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            b.DataSource = path;
        }
        return b.ToString();
    }
}

/// <summary>Design-time factories for `dotnet ef migrations add`, one per provider.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PgDesignFactory : IDesignTimeDbContextFactory<PgAppDbContext>
{
    public PgAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PgAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
