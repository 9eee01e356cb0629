namespace Vouch.BrowserTests;

/// <summary>A user a test made for itself; <see cref="VouchServer.Password"/> signs them in.</summary>
public sealed record TestUser(Guid Id, string Email, string Name);
