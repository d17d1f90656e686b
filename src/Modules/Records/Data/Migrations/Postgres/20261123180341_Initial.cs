using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "records");

            migrationBuilder.CreateTable(
                name: "rec_activity",
                schema: "records",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_activity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_attachment",
                schema: "records",
                columns: table => new
                {
                    Sha2 = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_attachment", x => x.Sha2);
                });

            migrationBuilder.CreateTable(
                name: "rec_client",
                schema: "records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_client", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_document",
                schema: "records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    AgentKey = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Registration = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ETag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_document", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_statement",
                schema: "records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Stored = table.Column<long>(type: "bigint", nullable: false),
                    VerbId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ActorKey = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Registration = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsVoiding = table.Column<bool>(type: "boolean", nullable: false),
                    Voided = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    WrittenBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_statement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_statement_link",
                schema: "records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Primary = table.Column<bool>(type: "boolean", nullable: false),
                    Stored = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_statement_link", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rec_client_IssuedBy",
                schema: "records",
                table: "rec_client",
                column: "IssuedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rec_client_Key",
                schema: "records",
                table: "rec_client",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_document_Kind_ActivityId_AgentKey_Registration_Document~",
                schema: "records",
                table: "rec_document",
                columns: new[] { "Kind", "ActivityId", "AgentKey", "Registration", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_ClassId_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "ClassId", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_PersonId_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "PersonId", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_Registration_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "Registration", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_TargetId",
                schema: "records",
                table: "rec_statement",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_VerbId_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "VerbId", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_Voided_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "Voided", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored",
                schema: "records",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_StatementId",
                schema: "records",
                table: "rec_statement_link",
                column: "StatementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rec_activity",
                schema: "records");

            migrationBuilder.DropTable(
                name: "rec_attachment",
                schema: "records");

            migrationBuilder.DropTable(
                name: "rec_client",
                schema: "records");

            migrationBuilder.DropTable(
                name: "rec_document",
                schema: "records");

            migrationBuilder.DropTable(
                name: "rec_statement",
                schema: "records");

            migrationBuilder.DropTable(
                name: "rec_statement_link",
                schema: "records");
        }
    }
}
