using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vouch.Features.Requests;

namespace Vouch.Tests.Unit.Requests;

/// <summary>The warning before a step is due is checked at start: none, or shorter than the shortest service level.</summary>
public sealed class RequestOptionsTests
{
    private const string Refused = "Requests:SlaWarningHours must be 0 (no warning) or more, and fewer hours than the shortest service level (24 a business day).";

    [Theory]
    [InlineData("0", 1, null)]
    [InlineData("23", 1, null)]
    [InlineData("24", 1, Refused)]
    [InlineData("24", 2, null)]
    [InlineData("48", 2, Refused)]
    [InlineData("-1", 1, Refused)]
    public void The_warning_before_a_step_is_due_is_shorter_than_every_step(string hours, int shortestLevel, string? refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Requests:SlaWarningHours"] = hours,
            ["Requests:ProposeWithinBusinessDays"] = $"{shortestLevel}",
            ["Requests:OwnerConsentWithinBusinessDays"] = $"{shortestLevel}",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddReferenceRequests().BuildServiceProvider();

        var read = Record.Exception(() => services.GetRequiredService<IOptions<RequestOptions>>().Value);

        Assert.Equal(refused, (read as OptionsValidationException)?.Message);
        Assert.True(refused is not null || read is null, read?.ToString());
    }
}
