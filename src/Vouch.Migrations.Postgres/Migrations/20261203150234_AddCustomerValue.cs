using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCustomerValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountValues",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IndustryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Lifetime = table.Column<double>(type: "double precision", nullable: true),
                    Referral = table.Column<double>(type: "double precision", nullable: false),
                    Influence = table.Column<double>(type: "double precision", nullable: false),
                    Knowledge = table.Column<double>(type: "double precision", nullable: false),
                    Engagement = table.Column<double>(type: "double precision", nullable: true),
                    Multiple = table.Column<double>(type: "double precision", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountValues", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_AccountValues_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BuyerJourneyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Influences = table.Column<int[]>(type: "integer[]", nullable: false),
                    MatteredMost = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuyerJourneyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuyerJourneyAnswers_AspNetUsers_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BuyerJourneyAnswers_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactValues",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsAdvocate = table.Column<bool>(type: "boolean", nullable: false),
                    Referral = table.Column<double>(type: "double precision", nullable: false),
                    Influence = table.Column<double>(type: "double precision", nullable: false),
                    Knowledge = table.Column<double>(type: "double precision", nullable: false),
                    Beyond = table.Column<double>(type: "double precision", nullable: false),
                    AskHours = table.Column<double>(type: "double precision", nullable: false),
                    PerAskHour = table.Column<double>(type: "double precision", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactValues", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_ContactValues_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaleValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaleValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ValueSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RetentionRate = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    DiscountRate = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    HorizonYears = table.Column<int>(type: "integer", nullable: false),
                    Attribution = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ActivityWeights = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AdvocacyCostPerHour = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValuePerDeliveredIdea = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValuePerBetaFeedback = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DefaultGrossMargin = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    MatteredMostBoost = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    TouchWindowDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountValues_IsCustomer_Engagement_AccountId",
                table: "AccountValues",
                columns: new[] { "IsCustomer", "Engagement", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountValues_IsCustomer_Multiple_AccountId",
                table: "AccountValues",
                columns: new[] { "IsCustomer", "Multiple", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountValues_OwnerId_IsCustomer_Engagement",
                table: "AccountValues",
                columns: new[] { "OwnerId", "IsCustomer", "Engagement" });

            migrationBuilder.CreateIndex(
                name: "IX_BuyerJourneyAnswers_AnsweredById",
                table: "BuyerJourneyAnswers",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_BuyerJourneyAnswers_OpportunityId",
                table: "BuyerJourneyAnswers",
                column: "OpportunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactValues_AccountId",
                table: "ContactValues",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactValues_IsAdvocate_AskHours_ContactId",
                table: "ContactValues",
                columns: new[] { "IsAdvocate", "AskHours", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactValues_IsAdvocate_Beyond_ContactId",
                table: "ContactValues",
                columns: new[] { "IsAdvocate", "Beyond", "ContactId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountValues");

            migrationBuilder.DropTable(
                name: "BuyerJourneyAnswers");

            migrationBuilder.DropTable(
                name: "ContactValues");

            migrationBuilder.DropTable(
                name: "StaleValues");

            migrationBuilder.DropTable(
                name: "ValueSettings");
        }
    }
}
