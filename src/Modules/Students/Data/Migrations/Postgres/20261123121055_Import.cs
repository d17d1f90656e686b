using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_import_job",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredFile = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ErrorReport = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    Imported = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_import_job", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CityCode",
                schema: "students",
                table: "stu_import_job",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ClassId",
                schema: "students",
                table: "stu_import_job",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CountyCode",
                schema: "students",
                table: "stu_import_job",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ProvinceCode",
                schema: "students",
                table: "stu_import_job",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId",
                schema: "students",
                table: "stu_import_job",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId_CreatedAt",
                schema: "students",
                table: "stu_import_job",
                columns: new[] { "SchoolId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_import_job",
                schema: "students");
        }
    }
}
