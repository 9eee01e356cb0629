using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vouch.Data;

namespace Vouch.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Postgres without starting the app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VouchDbContext>
{
    public VouchDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=vouch;Username=vouch");
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(settings);
        return new VouchDbContext(options.Options);
    }
}
