using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Storage;

public sealed class SqliteCheckpointerTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_SQLite_the_log_is_checkpointed_in_the_background_and_commits_leave_it_alone()
    {
        var checkpointer = app.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().SingleOrDefault();
        // PostgreSQL has no such log to look after.
        Assert.Equal(app.Database.Provider == nameof(DatabaseProvider.Sqlite), checkpointer is not null);
        if (checkpointer is null)
        {
            return;
        }
        var commitsCheckpointAfter = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            await db.Database.OpenConnectionAsync(Ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint";
            return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Equal(SqliteCheckpointer.FallbackPages, commitsCheckpointAfter);

        await app.AddUserAsync(Roles.Seller);
        var (logPages, checkpointed) = await checkpointer.CheckpointAsync(Ct);

        Assert.True(logPages > 0, "The write went to the log.");
        Assert.Equal(logPages, checkpointed);
    }
}
