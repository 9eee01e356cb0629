using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Web;

namespace Vouch.Features.ActivityTypes;

public sealed record ActivityTypeResponse(
    string Key, string Name, decimal EffortHours, int RestPeriodDays, IReadOnlyList<string> SocialCapitalOffered, bool IsActive, Guid Version);

/// <summary>An activity type as an admin writes it; the key is given only when adding one, and never changes.</summary>
public sealed record ActivityTypeInput(
    string? Key, string? Name, decimal? EffortHours, int? RestPeriodDays, IReadOnlyList<string>? SocialCapitalOffered, bool? IsActive, Guid? Version);

public static class ActivityTypeEndpoints
{
    public static RouteGroupBuilder MapActivityTypes(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/activity-types").WithTags("Activity types");
        types.MapGet("/", List)
            .WithName("ListActivityTypes").WithSummary("The activity types, retired ones included, in their order.")
            .RequireAuthorization(Policies.SignedIn);
        types.MapPost("/", Create)
            .WithName("CreateActivityType").WithSummary("Add an activity type.").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Administer);
        types.MapPut("/{key}", Update)
            .WithName("UpdateActivityType").WithSummary("Change an activity type; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Administer);
        return api;
    }

    public static async Task<IReadOnlyList<ActivityTypeResponse>> ListActivityTypesAsync(this VouchDbContext db, CancellationToken ct) =>
        [.. (await db.ActivityTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct)).Select(ToResponse)];

    private static async Task<Ok<IReadOnlyList<ActivityTypeResponse>>> List(VouchDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ListActivityTypesAsync(ct));

    private static async Task<Results<Created<ActivityTypeResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ActivityTypeInput input, VouchDbContext db, CancellationToken ct)
    {
        var (type, errors, taken) = await db.AddActivityTypeAsync(input, ct);
        if (taken)
        {
            return Problems.Conflict("An activity type with this key exists.", $"key '{input.Key?.Trim().ToLowerInvariant()}' is taken.");
        }
        return type is null ? errors.ToProblem() : TypedResults.Created($"/api/v1/activity-types/{type.Key}", ToResponse(type));
    }

    /// <summary>Adds an activity type as an admin asked, last in the order; the API and the admin page share it.</summary>
    public static async Task<(ActivityType? Type, ValidationErrors Errors, bool KeyTaken)> AddActivityTypeAsync(
        this VouchDbContext db, ActivityTypeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("key", input.Key, ActivityType.KeyMaxLength);
        var key = input.Key?.Trim().ToLowerInvariant() ?? "";
        if (key.Length > 0 && key != Keys.FromName(key))
        {
            errors.Add("key", $"key must be lower-case words joined by hyphens, such as '{Keys.FromName(key)}'.");
        }
        var type = new ActivityType { Key = key, Name = "" };
        Apply(input, type, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors, false);
        }
        if (await db.ActivityTypes.AnyAsync(t => t.Key == key, ct))
        {
            errors.Add("key", $"key '{key}' is taken.");
            return (null, errors, true);
        }
        type.SortOrder = (await db.ActivityTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10;
        db.ActivityTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return (type, errors, false);
    }

    private static async Task<Results<Ok<ActivityTypeResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string key, ActivityTypeInput input, VouchDbContext db, CancellationToken ct)
    {
        var (type, errors, stale) = await db.UpdateActivityTypeAsync(key, input, ct);
        if (type is null && errors.IsEmpty && !stale)
        {
            return Problems.NotFound("The activity type");
        }
        if (stale)
        {
            return Problems.StaleVersion();
        }
        return type is null ? errors.ToProblem() : TypedResults.Ok(ToResponse(type));
    }

    /// <summary>Changes an activity type as an admin asked; the API and the admin page share it.</summary>
    public static async Task<(ActivityType? Type, ValidationErrors Errors, bool Stale)> UpdateActivityTypeAsync(
        this VouchDbContext db, string key, ActivityTypeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var type = await db.ActivityTypes.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (type is null)
        {
            return (null, errors, false);
        }
        if (input.Version is null)
        {
            errors.Add("version", "version is required: send the version you read, so a concurrent change is not overwritten.");
            return (null, errors, false);
        }
        if (input.Version != type.Version)
        {
            return (null, errors, true);
        }
        Apply(input, type, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors, false);
        }
        db.Entry(type).Property(t => t.Version).OriginalValue = input.Version.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, errors, true);
        }
        return (type, errors, false);
    }

    private static void Apply(ActivityTypeInput input, ActivityType type, ValidationErrors errors)
    {
        errors.Required("name", input.Name, ActivityType.NameMaxLength);
        if (input.EffortHours is not (>= 0 and <= 1000))
        {
            errors.Add("effortHours", "effortHours must be from 0 to 1000.");
        }
        if (input.RestPeriodDays is not (>= 0 and <= 3650))
        {
            errors.Add("restPeriodDays", "restPeriodDays must be from 0 to 3650.");
        }
        var (offered, unknown) = FlagNames.Parse<SocialCapital>(input.SocialCapitalOffered);
        if (unknown.Count > 0)
        {
            errors.Add("socialCapitalOffered", $"socialCapitalOffered takes Affiliation, Learning, Reputation, Status, ProductSay; not {string.Join(", ", unknown)}.");
        }
        if (!errors.IsEmpty)
        {
            return;
        }
        type.Name = input.Name!.Trim();
        type.EffortHours = input.EffortHours!.Value;
        type.RestPeriodDays = input.RestPeriodDays!.Value;
        type.SocialCapitalOffered = offered;
        type.IsActive = input.IsActive ?? true;
    }

    private static ActivityTypeResponse ToResponse(ActivityType t) =>
        new(t.Key, t.Name, t.EffortHours, t.RestPeriodDays, FlagNames.Of(t.SocialCapitalOffered), t.IsActive, t.Version);
}
