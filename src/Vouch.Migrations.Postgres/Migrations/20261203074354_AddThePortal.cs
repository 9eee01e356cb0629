using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddThePortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Requests that exist, and rows bulk-loaded without the column, have proposed no times.
            migrationBuilder.AddColumn<List<DateTimeOffset>>(
                name: "ProposedTimes",
                table: "ReferenceRequests",
                type: "timestamp with time zone[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Change",
                table: "ConsentRecords",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdvocateInvitation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    InvitedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocateInvitation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvocateInvitation_AspNetUsers_InvitedById",
                        column: x => x.InvitedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AdvocateInvitation_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdvocateInvitation_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Referral",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredById = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompanyDomain = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referral_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Referral_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Referral_Contacts_ReferredById",
                        column: x => x.ReferredById,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateInvitation_ContactId_CreatedAt",
                table: "AdvocateInvitation",
                columns: new[] { "ContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateInvitation_InvitedById",
                table: "AdvocateInvitation",
                column: "InvitedById");

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateInvitation_TokenHash",
                table: "AdvocateInvitation",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateInvitation_UserId",
                table: "AdvocateInvitation",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_AccountId",
                table: "Referral",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_CompanyDomain",
                table: "Referral",
                column: "CompanyDomain");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_CreatedAt",
                table: "Referral",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_PersonEmail",
                table: "Referral",
                column: "PersonEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_RecordedById",
                table: "Referral",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_ReferredById_CreatedAt",
                table: "Referral",
                columns: new[] { "ReferredById", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvocateInvitation");

            migrationBuilder.DropTable(
                name: "Referral");

            migrationBuilder.DropColumn(
                name: "ProposedTimes",
                table: "ReferenceRequests");

            migrationBuilder.DropColumn(
                name: "Change",
                table: "ConsentRecords");
        }
    }
}
