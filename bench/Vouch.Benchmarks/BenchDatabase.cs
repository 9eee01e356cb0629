using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Benchmarks;

/// <summary>
/// The app's own services over a new SQLite file in a temporary folder, migrated as <c>vouch migrate</c>
/// does, so a benchmark measures the code the app runs.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WebApplication _app;

    private BenchDatabase(string folder, WebApplication app)
    {
        _folder = folder;
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("vouch-bench-").FullName;
        var builder = VouchHost.CreateBuilder(
            ["--Database:Provider=Sqlite", $"--ConnectionStrings:Vouch=Data Source={Path.Combine(folder, "vouch.db")}"]);
        // A console line per query would be most of what is measured.
        builder.Logging.ClearProviders();
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        return new BenchDatabase(folder, app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
