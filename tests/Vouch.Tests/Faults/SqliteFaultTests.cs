using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Faults;

/// <summary>
/// SQLite's own faults under a running app: a file another process holds for writing (busy) is a 503 with Retry-After,
/// a full database is a 507 naming the cause; neither corrupts the file, reads go on, and writes work again after.
/// </summary>
public sealed class SqliteFaultTests(SqliteFaultTests.FaultyApp app) : IClassFixture<SqliteFaultTests.FaultyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_to_a_full_database_is_a_507_that_leaves_the_file_whole_and_reads_working()
    {
        Assert.SkipWhen(app.Database.IsPostgres, "SQLite's page limit; PostgreSQL's outage is in DatabaseOutageTests.");
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N");
        var before = Guid.NewGuid().ToString("N");
        (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Before {before}" }, Ct)).EnsureSuccessStatusCode();

        // The database may not grow beyond its size now; the free room inside its pages fills first.
        app.PageLimit.MaxPageCount = 1;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2_000 && refused is null; i++)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Filling {tag} {i} {new string('x', 150)}" }, Ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }
        Assert.NotNull(refused);
        using (refused)
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.InsufficientStorage);
            Assert.Equal("The database is out of space.", problem.GetProperty("title").GetString());
        }

        var list = (await manager.GetFromJsonAsync<Paged<AccountSummary>>($"/api/v1/accounts?q={before}", Ct))!;
        Assert.Equal([$"Before {before}"], list.Items.Select(a => a.Name));
        Assert.Equal("ok", await IntegrityCheckAsync());

        app.PageLimit.MaxPageCount = int.MaxValue;
        (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"After {tag}" }, Ct)).EnsureSuccessStatusCode();
        app.PageLimit.MaxPageCount = 0;
    }

    [Fact]
    public async Task A_write_while_another_process_holds_the_file_is_a_503_and_reads_go_on()
    {
        Assert.SkipWhen(app.Database.IsPostgres, "SQLite's write lock; PostgreSQL's outage is in DatabaseOutageTests.");
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N");

        await using (var other = new SqliteConnection(app.Database.ConnectionString + ";Pooling=False"))
        {
            await other.OpenAsync(Ct);
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync(Ct);

            using var busy = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Busy {tag}" }, Ct);
            var problem = await busy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The database is unavailable.", problem.GetProperty("title").GetString());
            Assert.NotNull(busy.Headers.RetryAfter);
            (await manager.GetAsync("/api/v1/accounts", Ct)).EnsureSuccessStatusCode();

            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync(Ct);
        }

        (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Free {tag}" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("ok", await IntegrityCheckAsync());
    }

    private async Task<string?> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(app.Database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync(Ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string?)await check.ExecuteScalarAsync(Ct);
    }

    /// <summary>
    /// The app on SQLite with a short busy timeout (a writer waits 1 s for another, not 30), and a page limit the test
    /// sets on every connection that saves: SQLite's own SQLITE_FULL, without filling a disk.
    /// </summary>
    public sealed class FaultyApp : VouchApp
    {
        public PageLimitInterceptor PageLimit { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (Database.IsPostgres)
            {
                return;
            }
            builder.UseSetting("ConnectionStrings:Vouch", Database.ConnectionString + ";Default Timeout=1");
            builder.ConfigureTestServices(services => services.AddSingleton<ISaveChangesInterceptor>(PageLimit));
        }
    }

    /// <summary>Sets <c>PRAGMA max_page_count</c> on the connection of each save while a limit is set.</summary>
    public sealed class PageLimitInterceptor : SaveChangesInterceptor
    {
        private int _maxPageCount;

        /// <summary>The limit in pages, or 0 for none set; SQLite raises a limit below the file's size to its size.</summary>
        public int MaxPageCount
        {
            get => Volatile.Read(ref _maxPageCount);
            set => Volatile.Write(ref _maxPageCount, value);
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (MaxPageCount is > 0 and var limit && eventData.Context is { } context)
            {
                await context.Database.OpenConnectionAsync(cancellationToken);
                // A pragma takes no parameters; the limit is a number.
                var pragma = "PRAGMA max_page_count = " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Database.ExecuteSqlRawAsync(pragma, cancellationToken);
            }
            return result;
        }
    }
}
