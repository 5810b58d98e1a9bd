# Runs `quotex eval` over samples/ and fails below the floor recorded in
# samples/eval-floor.conf ("precision recall"). Raise the floor when the
# rules get better; never lower it to make a change pass.
file(READ "${SAMPLES}/eval-floor.conf" floor)
string(REGEX MATCH "precision[ \t]+([0-9.]+)" _ "${floor}")
set(min_p "${CMAKE_MATCH_1}")
string(REGEX MATCH "recall[ \t]+([0-9.]+)" _ "${floor}")
set(min_r "${CMAKE_MATCH_1}")
execute_process(
  COMMAND "${QUOTEX}" eval --gold "${SAMPLES}" --min-precision ${min_p} --min-recall ${min_r} --show
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "samples below the floor (precision ${min_p}, recall ${min_r})")
endif()
