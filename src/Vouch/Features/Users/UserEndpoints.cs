using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Users;

public sealed record AddUserRequest(string? Email, string? DisplayName, string? Role, string? Password);

/// <summary>The customer contact a user is; null for nobody.</summary>
public sealed record LinkContactRequest(Guid? ContactId);

public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal principal) => TypedResults.Ok(new MeResponse(
                principal.UserId(),
                principal.FindFirstValue(ClaimTypes.Email) ?? "",
                principal.FindFirstValue(ClaimTypes.GivenName) ?? principal.Identity!.Name ?? "",
                principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList())))
            .WithTags("Users").WithName("GetMe").WithSummary("Who the caller is, with their roles.")
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/me/language", async (CurrentUser user, UserLanguages languages, CancellationToken ct) => TypedResults.Ok(await languages.ReadAsync(user.Id, ct)))
            .WithTags("Users").WithName("GetMyLanguage").WithSummary("The language I chose for Vouch (null: my browser's), and every language it speaks.")
            .RequireAuthorization(Policies.SignedIn);
        api.MapPut("/me/language", ChooseLanguage)
            .WithTags("Users").WithName("SetMyLanguage").WithSummary("Choose the language of my pages, emails and problems; null follows my browser's.")
            .RequireAuthorization(Policies.SignedIn);

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        users.MapGet("/", async (UserAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithName("ListUsers").WithSummary("List every user with their roles.");
        users.MapPost("/", AddUser)
            .WithName("AddUser").WithSummary("Add a user with one role.");
        users.MapPost("/{email}/disable", Disable)
            .WithName("DisableUser").WithSummary("Disable a user: no sign-in, no API access.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPut("/{email}/contact", LinkContact)
            .WithName("LinkUserToContact").WithSummary("Make a user a customer contact, so their votes for ideas weigh with the contact's account.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> AddUser(AddUserRequest request, UserAdministration admin) =>
        (await admin.AddAsync(request.Email, request.DisplayName, request.Role, request.Password))
            .ToApi(user => TypedResults.Created($"/api/v1/users/{user.Email}", user));

    private static async Task<Results<Ok<LanguageResponse>, ValidationProblem, ProblemHttpResult>> ChooseLanguage(
        LanguageBody body, CurrentUser user, UserLanguages languages, CancellationToken ct) =>
        (await languages.ChooseAsync(user.Id, body.Language, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Disable(string email, UserAdministration admin) =>
        (await admin.DisableAsync(email)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<UserContactResponse>, ValidationProblem, ProblemHttpResult>> LinkContact(
        string email, LinkContactRequest request, UserAdministration admin, CancellationToken ct) =>
        (await admin.LinkContactAsync(email, request.ContactId, ct)).ToApi(TypedResults.Ok);

    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in."));
}
