using Microsoft.Extensions.Configuration;
using Npgsql;
using Vouch.Data;

namespace Vouch.Tests.Unit;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings From(params (string Key, string Value)[] values) =>
        DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void Sqlite_is_the_default_with_a_file_under_data()
    {
        var settings = From();

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.GetFullPath("data/vouch.db")}", settings.ConnectionString);
    }

    [Fact]
    public void Postgres_is_chosen_by_configuration()
    {
        var settings = From(("Database:Provider", "postgres"), ("ConnectionStrings:Vouch", "Host=db;Database=vouch;Username=app"));

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Contains("Host=db", settings.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_connections_prepare_what_they_repeat_and_skip_the_reset_unless_told_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(
            From(("Database:Provider", "Postgres"), ("ConnectionStrings:Vouch", "Host=db;Database=vouch")).ConnectionString);
        var told = new NpgsqlConnectionStringBuilder(From(("Database:Provider", "Postgres"),
            ("ConnectionStrings:Vouch", "Host=db;Database=vouch;max auto prepare=0;AutoPrepareMinUsages=5;No Reset On Close=false")).ConnectionString);

        Assert.Equal((100, 2, true), (defaults.MaxAutoPrepare, defaults.AutoPrepareMinUsages, defaults.NoResetOnClose));
        Assert.Equal((0, 5, false), (told.MaxAutoPrepare, told.AutoPrepareMinUsages, told.NoResetOnClose));
    }

    [Theory]
    [InlineData("Oracle", "Data Source=x.db", "Database:Provider is 'Oracle'")]
    [InlineData("Postgres", "Hots=db", "not a valid Postgres connection string")]
    [InlineData("Sqlite", "Data Sorce=x.db", "not a valid Sqlite connection string")]
    public void A_bad_setting_is_named(string provider, string connectionString, string message)
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() =>
            From(("Database:Provider", provider), ("ConnectionStrings:Vouch", connectionString)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused() =>
        Assert.Throws<DatabaseConfigurationException>(() => From(("Database:Provider", "Postgres")));
}
