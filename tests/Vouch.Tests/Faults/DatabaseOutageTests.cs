using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Faults;

/// <summary>
/// PostgreSQL going away under a running app: its own database stops taking connections and the app's are cut, as in a
/// restart. Requests then fail with 503 problem details and Retry-After (never 500), pages too, the health endpoint says
/// so, and once the database is back the app answers again without being restarted.
/// </summary>
public sealed class DatabaseOutageTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_fail_with_503_while_PostgreSQL_is_away_and_succeed_once_it_is_back()
    {
        Assert.SkipUnless(app.Database.IsPostgres, "Restarting the database is PostgreSQL's; SQLite's faults are in SqliteFaultTests.");
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        (await manager.GetAsync("/api/v1/accounts", Ct)).EnsureSuccessStatusCode();

        await SetDatabaseAvailableAsync(false);
        try
        {
            using var api = await manager.GetAsync("/api/v1/accounts", Ct);
            var problem = await api.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The database is unavailable.", problem.GetProperty("title").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter?.Delta);

            using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/accounts");
            pageRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var page = await manager.SendAsync(pageRequest, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), page.Headers.RetryAfter?.Delta);

            using var health = await app.AnonymousClient().GetAsync("/health", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        finally
        {
            await SetDatabaseAvailableAsync(true);
        }

        // A pooled connection that was cut before the outage fails once when next used, with a 503 like the others.
        var recovered = false;
        for (var attempt = 0; attempt < 20 && !recovered; attempt++)
        {
            using var response = await manager.GetAsync("/api/v1/accounts", Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            }
            recovered = response.StatusCode == HttpStatusCode.OK;
        }
        Assert.True(recovered, "The app did not answer again within 20 requests after the database came back.");
        using var healthAfter = await app.AnonymousClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, healthAfter.StatusCode);
    }

    /// <summary>Stops (or starts again) the app's database taking connections, and cuts those it has.</summary>
    private async Task SetDatabaseAvailableAsync(bool available)
    {
        var name = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database!;
        var server = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(available ? "true" : "false")}; " +
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}' AND {(available ? "false" : "true")}",
            connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
