using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Tests.Unit;

/// <summary>
/// Each provider's migrations end at the model the app has: a change to an entity or its mapping made without
/// <c>scripts/add-migration</c> fails here. The model is compared with the migrations' snapshot, not with a
/// database, so both providers are checked whichever database the suite runs on, without a server.
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_migrations_hold_every_change_to_the_model(DatabaseProvider provider)
    {
        // Never opened: the comparison needs the provider's model and migrations, not a connection.
        var connectionString = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=vouch" : "Data Source=:memory:";
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(new DatabaseSettings(provider, connectionString));
        using var db = new VouchDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes the {provider} migrations do not make; add a migration to both providers with scripts/add-migration.");
    }
}
