using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vouch.Data;

namespace Vouch.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Sqlite without starting the app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VouchDbContext>
{
    public VouchDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(settings);
        return new VouchDbContext(options.Options);
    }
}
