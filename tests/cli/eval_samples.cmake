# Runs `quotex eval` over samples/ and fails below the floor recorded in
# samples/eval-floor.conf: precision and recall of the headline figures
# (items found by their words and facts), and strict_precision and
# strict_recall (every field right). Raise the floor when the rules get
# better; never lower it to make a change pass.
file(READ "${SAMPLES}/eval-floor.conf" floor)
string(REGEX MATCH "(^|\n)precision[ \t]+([0-9.]+)" _ "${floor}")
set(min_p "${CMAKE_MATCH_2}")
string(REGEX MATCH "(^|\n)recall[ \t]+([0-9.]+)" _ "${floor}")
set(min_r "${CMAKE_MATCH_2}")
string(REGEX MATCH "strict_precision[ \t]+([0-9.]+)" _ "${floor}")
set(min_sp "${CMAKE_MATCH_1}")
string(REGEX MATCH "strict_recall[ \t]+([0-9.]+)" _ "${floor}")
set(min_sr "${CMAKE_MATCH_1}")
string(REGEX MATCH "claim_f1[ \t]+([0-9.]+)" _ "${floor}")
set(min_cf "${CMAKE_MATCH_1}")
string(REGEX MATCH "claim_speaker[ \t]+([0-9.]+)" _ "${floor}")
set(min_cs "${CMAKE_MATCH_1}")
execute_process(
  COMMAND "${QUOTEX}" eval --gold "${SAMPLES}" --min-precision ${min_p} --min-recall ${min_r}
          --min-strict-precision ${min_sp} --min-strict-recall ${min_sr}
          --min-claim-f1 ${min_cf} --min-claim-speaker ${min_cs} --show
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "samples below the floor (precision ${min_p}, recall ${min_r}, strict ${min_sp} / ${min_sr}, claims F1 ${min_cf}, speaker ${min_cs})")
endif()
