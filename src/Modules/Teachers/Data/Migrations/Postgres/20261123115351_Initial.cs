using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Teachers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "teachers");

            migrationBuilder.CreateTable(
                name: "tch_change",
                schema: "teachers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: true),
                    ToStatus = table.Column<int>(type: "integer", nullable: true),
                    FromSchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToSchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_change", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tch_teacher",
                schema: "teachers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CitizenIdCipher = table.Column<string>(type: "text", nullable: false),
                    CitizenIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CitizenIdMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EthnicityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    EducationCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    TitleCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SubjectCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    MainSubjectCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    HighestQualification = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    assignments = table.Column<string>(type: "jsonb", nullable: true),
                    qualifications = table.Column<string>(type: "jsonb", nullable: true),
                    training = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_teacher", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tch_transfer",
                schema: "teachers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FromSchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToSchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedBy = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_transfer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tch_transfer_step",
                schema: "teachers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tch_transfer_step", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tch_transfer_step_tch_transfer_TransferId",
                        column: x => x.TransferId,
                        principalSchema: "teachers",
                        principalTable: "tch_transfer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_CityCode",
                schema: "teachers",
                table: "tch_change",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_ClassId",
                schema: "teachers",
                table: "tch_change",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_CountyCode",
                schema: "teachers",
                table: "tch_change",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_ProvinceCode",
                schema: "teachers",
                table: "tch_change",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_SchoolId",
                schema: "teachers",
                table: "tch_change",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_change_TeacherId_RecordedAt",
                schema: "teachers",
                table: "tch_change",
                columns: new[] { "TeacherId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_AccountId",
                schema: "teachers",
                table: "tch_teacher",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_CitizenIdHash",
                schema: "teachers",
                table: "tch_teacher",
                column: "CitizenIdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_CityCode",
                schema: "teachers",
                table: "tch_teacher",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_ClassId",
                schema: "teachers",
                table: "tch_teacher",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_CountyCode",
                schema: "teachers",
                table: "tch_teacher",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_ProvinceCode",
                schema: "teachers",
                table: "tch_teacher",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_SchoolId",
                schema: "teachers",
                table: "tch_teacher",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_SchoolId_Status",
                schema: "teachers",
                table: "tch_teacher",
                columns: new[] { "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tch_teacher_TeacherNumber",
                schema: "teachers",
                table: "tch_teacher",
                column: "TeacherNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_TeacherId_Status",
                schema: "teachers",
                table: "tch_transfer",
                columns: new[] { "TeacherId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_CityCode",
                schema: "teachers",
                table: "tch_transfer_step",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_ClassId",
                schema: "teachers",
                table: "tch_transfer_step",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_CountyCode",
                schema: "teachers",
                table: "tch_transfer_step",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_ProvinceCode",
                schema: "teachers",
                table: "tch_transfer_step",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_SchoolId",
                schema: "teachers",
                table: "tch_transfer_step",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_tch_transfer_step_TransferId_Order",
                schema: "teachers",
                table: "tch_transfer_step",
                columns: new[] { "TransferId", "Order" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tch_change",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "tch_teacher",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "tch_transfer_step",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "tch_transfer",
                schema: "teachers");
        }
    }
}
