using System.Data.Common;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Vouch.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The database Vouch uses: <c>Database:Provider</c> (Sqlite, the default, or Postgres) and
/// <c>ConnectionStrings:Vouch</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/vouch.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !EnumText.TryParse(providerText, out provider))
        {
            throw new DatabaseConfigurationException(
                $"Database:Provider is '{providerText}'; it must be Sqlite or Postgres.");
        }
        var connectionString = configuration.GetConnectionString("Vouch");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new DatabaseConfigurationException("Database:Provider is Postgres but ConnectionStrings:Vouch is not set.");
        }
        return new DatabaseSettings(provider, Normalize(provider, connectionString));
    }

    /// <summary>Checks the connection string's syntax now, so a typo is named at start-up.</summary>
    private static string Normalize(DatabaseProvider provider, string connectionString)
    {
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                return WithPostgresDefaults(connectionString);
            }
            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            if (sqlite.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:")
            {
                sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
                Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
            }
            return sqlite.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new DatabaseConfigurationException($"ConnectionStrings:Vouch is not a valid {provider} connection string: {e.Message}");
        }
    }

    /// <summary>
    /// The connection string with what Vouch asks of Npgsql's pool unless it says otherwise (decision 40): statements
    /// run twice on a connection are prepared, so PostgreSQL plans them once per connection rather than every time, and
    /// a connection given back to the pool is not reset, which would take seven statements on its next use. Vouch
    /// leaves no state on a pooled connection that needs resetting: no session settings, locks or listeners.
    /// </summary>
    private static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(builder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = 100;
        }
        if (!given.Contains(nameof(builder.AutoPrepareMinUsages)))
        {
            builder.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains(nameof(builder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }
}

public sealed class DatabaseConfigurationException(string message) : Exception(message);

public static class DatabaseServiceCollectionExtensions
{
    private const string SqliteMigrations = "Vouch.Migrations.Sqlite";
    private const string PostgresMigrations = "Vouch.Migrations.Postgres";

    static DatabaseServiceCollectionExtensions()
    {
        // The migrations projects reference the app, so the app cannot reference them; their
        // assemblies sit next to it and are loaded by name on first use.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrations or PostgresMigrations))
            {
                return null;
            }
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }

    public static IServiceCollection AddVouchDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditActor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<SnapshotNotifications>().AddHostedService(sp => sp.GetRequiredService<SnapshotNotifications>());
        services.AddSingleton<FigureGeneration>().AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<FigureGeneration>());
        // Contexts are pooled: a new one per request built its own service scope, change tracker and state, most of
        // what a simple query allocated. The options, and so every interceptor, are shared by all contexts of the pool.
        services.AddPooledDbContextFactory<VouchDbContext>((serviceProvider, options) =>
        {
            options.UseVouchDatabase(settings);
            // The features' interceptors before the audit: what they add to a save (the emails the outbox queues) is
            // part of it, which the audit then sees whole.
            options.AddInterceptors(
                serviceProvider.GetServices<ISaveChangesInterceptor>().Append(serviceProvider.GetRequiredService<AuditInterceptor>()));
            options.AddInterceptors(serviceProvider.GetRequiredService<SnapshotNotifications>());
        });
        // One context per scope, as before, leased from the pool and given back when the scope ends; it carries the
        // scope's actor, as the audit interceptor is shared.
        services.AddScoped(serviceProvider =>
        {
            var db = serviceProvider.GetRequiredService<IDbContextFactory<VouchDbContext>>().CreateDbContext();
            db.Actor = serviceProvider.GetRequiredService<AuditActor>();
            return db;
        });
        return services;
    }

    /// <summary>
    /// Runs <typeparamref name="TInterceptor"/>, one for the app, on every save through <see cref="VouchDbContext"/>,
    /// in the order added and before the audit: how a feature takes part in saves it does not make.
    /// </summary>
    public static IServiceCollection AddSaveChangesInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, ISaveChangesInterceptor
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISaveChangesInterceptor, TInterceptor>());
        return services;
    }

    public static DbContextOptionsBuilder UseVouchDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        // The records of a deleted account or contact (its deals, reviews, ledger entries…) are kept for the audit and
        // the program's figures, and leave every list that reaches them through their required navigation: the
        // interaction of query filters and required navigations this warns about is the one intended.
        options.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        return settings.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrations)),
            _ => options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(SqliteDurability.Instance),
        };
    }

    /// <summary>Whether the migrations for this provider were found next to the app.</summary>
    internal static bool MigrationsAvailable(DatabaseSettings settings)
    {
        try
        {
            Assembly.Load(settings.Provider == DatabaseProvider.Postgres ? PostgresMigrations : SqliteMigrations);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
