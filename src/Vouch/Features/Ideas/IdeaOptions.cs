using Microsoft.Extensions.Options;
using Vouch.Features.Ideas.Ranking;

namespace Vouch.Features.Ideas;

/// <summary>Settings under <c>Ideas</c>.</summary>
public sealed class IdeaOptions
{
    /// <summary>After this many days a vote weighs half as much on the hot board (<c>Ideas:HalfLifeDays</c>).</summary>
    public double HalfLifeDays { get; set; } = HotScore.DefaultHalfLifeDays;
}

public static class IdeaServiceCollectionExtensions
{
    public static IServiceCollection AddIdeaExchange(this IServiceCollection services)
    {
        services.AddOptions<IdeaOptions>().BindConfiguration("Ideas")
            .Validate(options => options.HalfLifeDays > 0, "Ideas:HalfLifeDays must be a number of days above 0.")
            .ValidateOnStart();
        services.AddSingleton(provider => new HotScore(provider.GetRequiredService<IOptions<IdeaOptions>>().Value.HalfLifeDays));
        services.AddSingleton<IdeaVoteGate>();
        services.AddSingleton<IdeaVoteQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<IdeaVoteQueue>());
        services.AddSingleton<IdeaBoardTotals>();
        services.AddScoped<IdeaExchange>();
        services.AddScoped<IdeaQueries>();
        services.AddScoped<IdeaReindex>();
        return services;
    }
}
